import { View, Text } from '@tarojs/components'
import type { HistoryEntry } from '../../../../../../types/prereviews'
import { PREREVIEW_EVENTS } from '../../../../../../types/enums'
import { formatDateTime } from '../../../../../components/format'
import './index.scss'

/** Everything that happened to the pre-review, newest first, every round. */
export function PrereviewHistory({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return null
  const newestFirst = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  return (
    <View className="card prereview-history">
      <Text className="card__title">审核记录</Text>
      {newestFirst.map((entry, index) => (
        <View key={`${entry.at}-${index}`} className="prereview-history__entry">
          <Text className="prereview-history__what">
            第{entry.round}轮 · {PREREVIEW_EVENTS[entry.kind]}
            {entry.materialName ? ` · ${entry.materialName}` : ''}
          </Text>
          <Text className="muted">
            {formatDateTime(entry.at)} · {entry.actor}
            {entry.matterName ? ` · ${entry.matterName}` : ''}
          </Text>
          {entry.comment ? <Text className="prereview-history__comment">{entry.comment}</Text> : null}
        </View>
      ))}
    </View>
  )
}
