import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { ComplaintSatisfaction } from '../../../../../../types/complaints'
import type { RatingErrors } from '../../../ComplaintStore'
import { ChoiceChips } from '../../../components/ChoiceChips'
import { COMMENT_MAX, SATISFACTION_LABELS } from '../../../labels'
import './index.scss'

/** 评价答复: 满意 / 基本满意 / 不满意 and an optional comment; sent once. */
export function RateReply({ onRate }: { onRate: (satisfaction: ComplaintSatisfaction | null, comment: string) => Promise<RatingErrors> }) {
  const [satisfaction, setSatisfaction] = useState<ComplaintSatisfaction | null>(null)
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<RatingErrors>({})
  const [busy, setBusy] = useState(false)
  const send = async () => {
    setBusy(true)
    try {
      setErrors(await onRate(satisfaction, comment))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="card rate-reply">
      <Text className="card__title">您对答复满意吗？</Text>
      <ChoiceChips
        name="satisfaction"
        labels={SATISFACTION_LABELS}
        value={satisfaction}
        onChange={(value) => {
          setSatisfaction(value)
          setErrors({})
        }}
      />
      {errors.satisfaction ? <Text className="rate-reply__error">{errors.satisfaction}</Text> : null}
      <TextArea className="rate-reply__comment" value={comment} maxLength={COMMENT_MAX} placeholder="还想说点什么（选填）" onChange={setComment} />
      {errors.comment || errors.form ? <Text className="rate-reply__error">{errors.comment ?? errors.form}</Text> : null}
      <Button type="primary" block loading={busy} onClick={() => void send()}>
        提交评价
      </Button>
    </View>
  )
}
