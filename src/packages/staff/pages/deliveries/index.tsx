import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import type { NotificationDeliveryStatus } from '../../../../../types/enums'
import { DELIVERY_STATUS_LABELS } from '../../../../components/notificationLabels'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useDeliveries } from '../../useDeliveries'
import { useStaffGuard } from '../../useStaffGuard'
import { DeliveryRow } from './DeliveryRow'
import './index.scss'

const FILTERS: Array<[NotificationDeliveryStatus | null, string]> = [
  [null, '全部'],
  ['failed', DELIVERY_STATUS_LABELS.failed],
  ['queued', DELIVERY_STATUS_LABELS.queued],
  ['sent', DELIVERY_STATUS_LABELS.sent],
]

/**
 * 消息发送记录 (admins): every WeChat subscribe message and SMS attempt,
 * newest first, with its status, attempts, last error and next retry. The
 * server refuses anyone but an admin; its sentence is shown as the error.
 */
const DeliveriesPage = observer(function DeliveriesPage() {
  const deliveries = useDeliveries()
  const { list } = deliveries
  const allowed = useStaffGuard()

  useEffect(() => {
    if (allowed && list.status === 'idle') void list.reload()
  }, [allowed, list])
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (allowed) void list.loadMore()
  })

  let body
  if (!allowed || (list.items.length === 0 && list.status !== 'ready'))
    body = <LoadState status={list.status === 'error' ? 'error' : 'loading'} error={list.error} onRetry={() => void list.reload()} />
  else if (list.items.length === 0) body = <EmptyState title="暂无发送记录" description="微信订阅消息和短信的发送情况会出现在这里。" />
  else
    body = (
      <View className="deliveries__list">
        {list.items.map((item) => (
          <DeliveryRow key={item.id} item={item} />
        ))}
        {list.status === 'error' ? <LoadState status="error" error={list.error} onRetry={() => void list.loadMore()} /> : null}
        {!list.hasMore ? <Text className="deliveries__end muted">共 {list.total} 条</Text> : null}
      </View>
    )

  return (
    <PageShell name="deliveries">
      <View className="deliveries__filters">
        {FILTERS.map(([status, label]) => (
          <Text
            key={label}
            className={`deliveries__chip${deliveries.status === status ? ' deliveries__chip--active' : ''}`}
            onClick={() => void deliveries.setStatus(status)}
          >
            {label}
          </Text>
        ))}
      </View>
      {body}
    </PageShell>
  )
})

export default DeliveriesPage
