import { View, Text } from '@tarojs/components'
import type { RatingReply } from '../../../../../types/ratings'
import { formatDateTime } from '../../../../components/format'
import './index.scss'

/** The department's reply to a 差评 after rectification (整改回复). */
export function ReplyCard({ reply }: { reply: RatingReply }) {
  return (
    <View className="card reply-card">
      <Text className="card__title">部门整改回复</Text>
      <Text className="reply-card__text">{reply.text}</Text>
      <Text className="muted">
        {reply.departmentName} · {formatDateTime(reply.at)}
      </Text>
    </View>
  )
}
