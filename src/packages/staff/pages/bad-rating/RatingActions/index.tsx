import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { BadRatingAction } from '../../../../../../types/enums'
import { FormField } from '../../../../../components/FormField'
import { BAD_ACTION_LABELS } from '../../../../../components/ratingLabels'
import type { BadRatingErrors, BadRatingField } from '../../../StaffRatingStore'
import { useActionPanel } from '../../../useActionPanel'
import './index.scss'

type Texts = Record<Exclude<BadRatingField, 'form'>, string>

interface RatingActionsProps {
  /** The server's `allowedActions`; nothing else is offered. */
  actions: BadRatingAction[]
  onVerify: (note: string) => Promise<BadRatingErrors>
  onRectify: (measures: string, reply: string) => Promise<BadRatingErrors>
  onAppeal: (evidence: string) => Promise<BadRatingErrors>
  onDecide: (decision: 'upheld' | 'rejected', comment: string) => Promise<BadRatingErrors>
  onDone: (message: string) => void
}

const ORDER: BadRatingAction[] = ['verify', 'rectify', 'appeal', 'decideAppeal']

/** One button per allowed action; each opens its form (核实情况 / 整改措施 + 回复群众 / 申诉证据 / 裁定意见). */
export function RatingActions({ actions, onVerify, onRectify, onAppeal, onDecide, onDone }: RatingActionsProps) {
  const { open, errors, busy, run, openForm } = useActionPanel<BadRatingAction, BadRatingErrors>(onDone)
  const [texts, setTexts] = useState<Texts>({ note: '', measures: '', reply: '', evidence: '', comment: '' })
  const offered = ORDER.filter((action) => actions.includes(action))
  if (offered.length === 0) return null

  const area = (field: keyof Texts, label: string, placeholder: string, max = 1000) => (
    <FormField label={label} error={errors[field]}>
      <TextArea
        className={`rating-actions__text rating-actions__text--${field}`}
        value={texts[field]}
        maxLength={max}
        placeholder={placeholder}
        onChange={(value) => setTexts((current) => ({ ...current, [field]: value }))}
      />
    </FormField>
  )

  let form = null
  if (open === 'verify') {
    form = (
      <>
        {area('note', '核实情况', '评价是否属实、原因是什么')}
        <Button type="primary" block loading={busy} onClick={() => void run(() => onVerify(texts.note), '已核实')}>
          确认核实
        </Button>
      </>
    )
  } else if (open === 'rectify') {
    form = (
      <>
        {area('measures', '整改措施', '采取了哪些整改措施（内部记录）')}
        {area('reply', '回复群众', '将通过消息通知评价人，请说明整改情况')}
        <Button type="primary" block loading={busy} onClick={() => void run(() => onRectify(texts.measures, texts.reply), '已整改并回复群众')}>
          提交整改并回复
        </Button>
      </>
    )
  } else if (open === 'appeal') {
    form = (
      <>
        {area('evidence', '申诉理由与证据', '说明为何属于恶意差评，以及录像、记录等证据', 2000)}
        <Button type="primary" block loading={busy} onClick={() => void run(() => onAppeal(texts.evidence), '已提交申诉')}>
          提交申诉
        </Button>
      </>
    )
  } else if (open === 'decideAppeal') {
    form = (
      <>
        {area('comment', '裁定意见', '裁定理由')}
        <View className="rating-actions__row">
          <Button type="danger" loading={busy} onClick={() => void run(() => onDecide('rejected', texts.comment), '已驳回申诉')}>
            驳回申诉
          </Button>
          <Button type="primary" loading={busy} onClick={() => void run(() => onDecide('upheld', texts.comment), '申诉成立，不计入统计')}>
            申诉成立
          </Button>
        </View>
      </>
    )
  }

  return (
    <View className="card rating-actions">
      <Text className="card__title">处理</Text>
      <View className="rating-actions__row">
        {offered.map((action) => (
          <Button
            key={action}
            type="primary"
            fill={open === action ? 'solid' : 'outline'}
            onClick={() => openForm(action)}
          >
            {BAD_ACTION_LABELS[action]}
          </Button>
        ))}
      </View>
      {form ? <View className="rating-actions__form">{form}</View> : null}
      {errors.form ? <Text className="rating-actions__error">{errors.form}</Text> : null}
    </View>
  )
}
