import { View, Text } from '@tarojs/components'
import type { PrereviewSummary } from '../../../../../../types/prereviews'
import { PREREVIEW_STATUS_LABELS } from '../../../labels'
import { formatDateTime } from '../../../../../components/format'
import './index.scss'

/** One pre-review in 我的预审: what, its number, status and when it last changed. */
export function PrereviewRow({ item, onOpen }: { item: PrereviewSummary; onOpen: (item: PrereviewSummary) => void }) {
  return (
    <View className="prereview-row" onClick={() => onOpen(item)} hoverClass="prereview-row--pressed">
      <View className="prereview-row__head">
        <Text className="prereview-row__title">{item.title}</Text>
        <Text className={`prereview-row__status prereview-row__status--${item.status}`}>{PREREVIEW_STATUS_LABELS[item.status]}</Text>
      </View>
      <Text className="prereview-row__meta">
        {item.number ?? '未提交'} · {formatDateTime(item.updatedAt)}
        {item.round > 1 ? ` · 第${item.round}轮` : ''}
      </Text>
    </View>
  )
}
