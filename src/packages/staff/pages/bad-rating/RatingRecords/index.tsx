import { View, Text } from '@tarojs/components'
import type { StaffBadRatingDetail } from '../../../../../../types/ratings'
import { formatDateTime } from '../../../../../components/format'
import { APPEAL_STATUS_LABELS, RATING_EVENT_LABELS, RATING_LEVEL_LABELS } from '../../../../../components/ratingLabels'
import './index.scss'

function Record({ title, lines }: { title: string; lines: Array<string | null> }) {
  return (
    <View className="rating-records__item">
      <Text className="rating-records__title">{title}</Text>
      {lines.filter(Boolean).map((line, i) => (
        <Text key={i} className="rating-records__line">
          {line}
        </Text>
      ))}
    </View>
  )
}

/** What was done: 核实, 整改 and the reply, the appeal and its decision, the citizen's second rating, and the full history. */
export function RatingRecords({ detail }: { detail: StaffBadRatingDetail }) {
  const { verification, rectification, appeal, reRating, history } = detail
  return (
    <View className="card rating-records">
      <Text className="card__title">处理记录</Text>
      {verification ? <Record title={`核实 · ${formatDateTime(verification.at)}`} lines={[verification.note]} /> : null}
      {rectification ? (
        <Record
          title={`整改并回复 · ${formatDateTime(rectification.at)} · ${rectification.onTime ? '按时' : '超时'}`}
          lines={[`整改措施：${rectification.measures}`, `回复群众：${rectification.reply}`]}
        />
      ) : null}
      {appeal ? (
        <Record
          title={`申诉 · ${formatDateTime(appeal.at)} · ${APPEAL_STATUS_LABELS[appeal.status]}`}
          lines={[appeal.evidence, appeal.decisionComment ? `裁定意见：${appeal.decisionComment}` : null]}
        />
      ) : null}
      {reRating ? <Record title={`群众再次评价 · ${formatDateTime(reRating.at)}`} lines={[RATING_LEVEL_LABELS[reRating.level]]} /> : null}
      {[...history]
        .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
        .map((entry, i) => (
          <Text key={`${entry.at}-${i}`} className="rating-records__history muted">
            {formatDateTime(entry.at)} · {RATING_EVENT_LABELS[entry.event]} · {entry.actor}
            {entry.note ? ` · ${entry.note}` : ''}
          </Text>
        ))}
    </View>
  )
}
