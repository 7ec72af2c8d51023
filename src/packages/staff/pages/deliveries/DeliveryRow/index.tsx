import { View, Text } from '@tarojs/components'
import type { NotificationDelivery } from '../../../../../../types/notifications'
import { formatDateTime } from '../../../../../components/format'
import { DELIVERY_STATUS_LABELS, NOTIFICATION_CHANNEL_LABELS, kindLabel } from '../../../../../components/notificationLabels'
import './index.scss'

/** One delivery: channel and kind, status and attempts, the last error, the next retry, the masked phone, when. */
export function DeliveryRow({ item }: { item: NotificationDelivery }) {
  return (
    <View className={`delivery-row delivery-row--${item.status}`}>
      <View className="delivery-row__head">
        <Text className="delivery-row__channel">{NOTIFICATION_CHANNEL_LABELS[item.channel] ?? item.channel}</Text>
        <Text className="delivery-row__kind">{kindLabel(item.kind) || '一般通知'}</Text>
        <Text className="delivery-row__status">{DELIVERY_STATUS_LABELS[item.status] ?? item.status}</Text>
      </View>
      <Text className="delivery-row__line">{`已尝试 ${item.attempts} 次${item.phoneMasked ? ` · ${item.phoneMasked}` : ''}`}</Text>
      {item.lastErrorCode || item.lastErrorMessage ? (
        <Text className="delivery-row__error">{`${item.lastErrorCode ?? ''} ${item.lastErrorMessage ?? ''}`.trim()}</Text>
      ) : null}
      {item.nextAttemptAt ? <Text className="delivery-row__line">{`下次重试 ${formatDateTime(item.nextAttemptAt)}`}</Text> : null}
      <Text className="delivery-row__time">{`创建 ${formatDateTime(item.createdAt)} · 更新 ${formatDateTime(item.updatedAt)}`}</Text>
    </View>
  )
}
