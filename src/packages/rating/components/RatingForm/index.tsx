import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { RatingDimension } from '../../../../../types/enums'
import { BAD_REASON_LABELS, DIMENSION_ITEMS, DIMENSION_LABELS, GOOD_TAG_LABELS, isBadLevel, type ScoreItem } from '../../../../components/ratingLabels'
import { emptyDraft, TEXT_MAX, type RatingDraft, type RatingErrors } from '../../ratingDraft'
import { LevelPicker } from '../LevelPicker'
import { ScoreStars } from '../ScoreStars'
import { TagPicker } from '../TagPicker'
import './index.scss'

interface RatingFormProps {
  dimension: RatingDimension
  /** Sends the draft; resolves with the errors to show (empty when accepted). */
  onSubmit: (draft: RatingDraft) => Promise<RatingErrors>
  submitLabel?: string
}

/**
 * 满意程度 (five faces), the dimension's scores, tags — 差评 reasons for
 * 不满意 / 非常不满意, which then need a reason or text — and free text.
 */
export function RatingForm({ dimension, onSubmit, submitLabel = '提交评价' }: RatingFormProps) {
  const [draft, setDraft] = useState<RatingDraft>(emptyDraft)
  const [errors, setErrors] = useState<RatingErrors>({})
  const [busy, setBusy] = useState(false)
  const bad = isBadLevel(draft.level)
  const items = DIMENSION_ITEMS[dimension]

  const update = (patch: Partial<RatingDraft>) => {
    setDraft((current) => ({ ...current, ...patch }))
    // A message about what was just changed no longer applies.
    setErrors({})
  }
  const submit = async () => {
    setBusy(true)
    try {
      setErrors(await onSubmit(draft))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="rating-form">
      <View className="card">
        <Text className="card__title">您对本次办事满意吗？</Text>
        <LevelPicker value={draft.level} onChange={(level) => update({ level, tags: isBadLevel(level) === bad ? draft.tags : [] })} />
        {errors.level ? <Text className="rating-form__error">{errors.level}</Text> : null}
      </View>
      {draft.level ? (
        <>
          <View className={`card rating-form__reasons${errors.reason ? ' rating-form__reasons--invalid' : ''}`}>
            <Text className="card__title">{bad ? '请选择不满意的原因（必填，可多选）' : '您满意的地方（可多选）'}</Text>
            <TagPicker options={bad ? BAD_REASON_LABELS : GOOD_TAG_LABELS} value={draft.tags} onChange={(tags) => update({ tags })} />
            <TextArea
              className="rating-form__text"
              value={draft.text}
              maxLength={TEXT_MAX}
              showCount
              placeholder={bad ? '也可以写下具体情况，帮助我们改进' : '说说您的办事体验（选填）'}
              onChange={(text) => update({ text })}
            />
            {errors.reason ? <Text className="rating-form__error">{errors.reason}</Text> : null}
          </View>
          <View className="card">
            <Text className="card__title">分项评分（{DIMENSION_LABELS[dimension]}，选填）</Text>
            {(Object.keys(items) as ScoreItem[]).map((item) => (
              <ScoreStars
                key={item}
                label={items[item] ?? ''}
                value={draft.scores[item]}
                onChange={(stars) => update({ scores: { ...draft.scores, [item]: stars } })}
              />
            ))}
          </View>
        </>
      ) : null}
      {errors.form ? <Text className="rating-form__error rating-form__error--form">{errors.form}</Text> : null}
      <View className="rating-form__submit">
        <Button type="primary" block size="large" loading={busy} onClick={() => void submit()}>
          {submitLabel}
        </Button>
      </View>
    </View>
  )
}
