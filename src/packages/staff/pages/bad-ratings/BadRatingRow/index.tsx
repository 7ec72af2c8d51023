import { View, Text } from '@tarojs/components'
import type { StaffBadRatingSummary } from '../../../../../../types/ratings'
import { FlagTag } from '../../../../../components/FlagTag'
import { formatDateTime } from '../../../../../components/format'
import { LightBadge } from '../../../../../components/LightBadge'
import { APPEAL_STATUS_LABELS, BAD_STATUS_LABELS, RATING_LEVEL_LABELS, TAG_LABELS } from '../../../../../components/ratingLabels'
import './index.scss'

/** One 差评: service, level and reasons, who (masked) and when, where it stands, and the rectification light. */
export function BadRatingRow({ item, onOpen }: { item: StaffBadRatingSummary; onOpen: (id: string) => void }) {
  const reasons = [...item.tags.map((tag) => TAG_LABELS[tag]), item.text].filter(Boolean).join('；')
  return (
    <View className="bad-rating-row" onClick={() => onOpen(item.id)} hoverClass="bad-rating-row--pressed">
      <View className="bad-rating-row__head">
        <Text className="bad-rating-row__matter">{item.target.matterName}</Text>
        <Text className="bad-rating-row__level">{RATING_LEVEL_LABELS[item.level]}</Text>
      </View>
      {reasons ? <Text className="bad-rating-row__reasons">{reasons}</Text> : null}
      <Text className="bad-rating-row__meta">
        {item.applicantNameMasked}
        {item.windowNumber ? ` · ${item.windowNumber}号窗口` : ''} · {formatDateTime(item.createdAt)}
      </Text>
      <View className="bad-rating-row__flags">
        <FlagTag tone={item.status === 'rectified' ? 'success' : item.status === 'excluded' ? 'neutral' : 'warning'}>{BAD_STATUS_LABELS[item.status]}</FlagTag>
        {item.appealStatus && item.status !== 'excluded' ? <FlagTag tone="neutral">{APPEAL_STATUS_LABELS[item.appealStatus]}</FlagTag> : null}
      </View>
      <LightBadge deadline={item.deadline} />
    </View>
  )
}
