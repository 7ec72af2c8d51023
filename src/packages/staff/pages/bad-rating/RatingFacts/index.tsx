import { View, Text } from '@tarojs/components'
import type { StaffBadRatingDetail } from '../../../../../../types/ratings'
import { FlagTag } from '../../../../../components/FlagTag'
import { formatDateTime } from '../../../../../components/format'
import { LightBadge } from '../../../../../components/LightBadge'
import {
  APPEAL_STATUS_LABELS,
  BAD_STATUS_LABELS,
  CHANNEL_LABELS,
  DIMENSION_ITEMS,
  RATING_LEVEL_LABELS,
  TAG_LABELS,
  type ScoreItem,
} from '../../../../../components/ratingLabels'
import './index.scss'

/** The 差评 as the citizen gave it (name masked), where it stands and its rectification light. */
export function RatingFacts({ detail }: { detail: StaffBadRatingDetail }) {
  const items = DIMENSION_ITEMS[detail.target.dimension]
  const scored = (Object.keys(items) as ScoreItem[]).filter((item) => detail.scores?.[item])
  return (
    <View className="card rating-facts">
      <Text className="rating-facts__matter">{detail.target.matterName}</Text>
      <Text className="muted">
        {detail.target.caseNumber ? `办件编号 ${detail.target.caseNumber} · ` : ''}
        {detail.department.name}
      </Text>
      <View className="rating-facts__flags">
        <Text className="rating-facts__level">{RATING_LEVEL_LABELS[detail.level]}</Text>
        <FlagTag tone={detail.status === 'rectified' ? 'success' : detail.status === 'excluded' ? 'neutral' : 'warning'}>{BAD_STATUS_LABELS[detail.status]}</FlagTag>
        {detail.appealStatus && detail.status !== 'excluded' ? <FlagTag tone="neutral">{APPEAL_STATUS_LABELS[detail.appealStatus]}</FlagTag> : null}
      </View>
      {detail.tags.length ? <Text className="rating-facts__reasons">原因：{detail.tags.map((tag) => TAG_LABELS[tag]).join('、')}</Text> : null}
      {detail.text ? <Text className="rating-facts__reasons">“{detail.text}”</Text> : null}
      {scored.length ? (
        <Text className="muted">{scored.map((item) => `${items[item]} ${detail.scores?.[item]}星`).join(' · ')}</Text>
      ) : null}
      <Text className="muted">
        {detail.applicantNameMasked} · {CHANNEL_LABELS[detail.channel]}
        {detail.windowNumber ? ` · ${detail.windowNumber}号窗口` : ''} · {formatDateTime(detail.createdAt)}
      </Text>
      <LightBadge deadline={detail.deadline} />
    </View>
  )
}
