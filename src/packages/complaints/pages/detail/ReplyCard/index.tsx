import { View, Text } from '@tarojs/components'
import type { ComplaintRating, ComplaintReply } from '../../../../../../types/complaints'
import { formatDateTime } from '../../../../../components/format'
import { SATISFACTION_LABELS } from '../../../labels'
import './index.scss'

/** The department's reply, and the citizen's rating of it once given (`ratedBy`: 我的评价, or 群众评价 for staff). */
export function ReplyCard({ reply, rating, ratedBy = '我的评价' }: { reply: ComplaintReply | null; rating: ComplaintRating | null; ratedBy?: string }) {
  if (!reply) return null
  return (
    <View className="card complaint-reply">
      <Text className="card__title">答复</Text>
      <Text className="complaint-reply__text">{reply.text}</Text>
      <Text className="complaint-reply__meta">
        {reply.by} · {formatDateTime(reply.at)}
      </Text>
      {rating ? (
        <View className="complaint-reply__rating">
          <Text className="complaint-reply__satisfaction">{ratedBy}：{SATISFACTION_LABELS[rating.satisfaction]}</Text>
          {rating.comment ? <Text className="complaint-reply__comment">{rating.comment}</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
