import { View, Text } from '@tarojs/components'
import type { HistoryEntry } from '../../../../../../types/prereviews'
import { PREREVIEW_EVENT_LABELS } from '../../../labels'
import { formatDateTime } from '../../../../../components/format'
import './index.scss'

/** Every round's events, newest first, drawn like a case timeline. */
export function HistoryList({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return null
  const newestFirst = [...history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  return (
    <View className="card">
      <Text className="card__title">办理记录</Text>
      <View className="history-list">
        {newestFirst.map((entry, index) => (
          <View key={`${entry.at}-${index}`} className={`history-list__step${index === 0 ? ' history-list__step--current' : ''}`}>
            <View className="history-list__head">
              <Text className="history-list__status">{PREREVIEW_EVENT_LABELS[entry.kind]}</Text>
              <Text className="history-list__outcome">第{entry.round}轮</Text>
            </View>
            <Text className="history-list__meta">
              {formatDateTime(entry.at)} · {entry.actor}
              {entry.matterName ? ` · ${entry.matterName}` : ''}
            </Text>
            {entry.materialName || entry.comment ? (
              <Text className="history-list__comment">
                {entry.materialName ? `${entry.materialName}${entry.comment ? '：' : ''}` : ''}
                {entry.comment}
              </Text>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  )
}
