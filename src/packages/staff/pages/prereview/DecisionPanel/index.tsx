import { View, Text, Picker } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { PREREVIEW_DECISIONS, type PrereviewDecision } from '../../../../../../types/enums'
import { ApiError, userMessage } from '../../../../../api/ApiError'
import { FormField } from '../../../../../components/FormField'
import { useConfirm } from '../../../../../components/ConfirmBar'
import type { DecisionInput, StaffPartMaterial } from '../../../StaffPrereviewStore'
import { chinaDatePlus, DEFAULT_PROMISE_DAYS } from './promiseDates'
import './index.scss'

const COMMENT_LABELS: Record<PrereviewDecision, { label: string; placeholder: string }> = {
  pass: { label: '答复意见', placeholder: '可选，例如：请携带原件到窗口办理' },
  tolerate: { label: '答复意见', placeholder: '可选，例如：请在承诺日期前补交' },
  return: { label: '补正说明', placeholder: '可选。退回的材料和理由会自动汇成一份完整的补正通知' },
  refuse: { label: '不予受理理由', placeholder: '必填：不予受理的法律依据和理由' },
}

interface DecisionPanelProps {
  /** Exactly the server's `allowedDecisions`, in display order. */
  decisions: PrereviewDecision[]
  /** Non-essential materials that are returned or missing: 容缺 may leave them out (ticked unless unticked). */
  toleranceCandidates: StaffPartMaterial[]
  onDecide: (decision: PrereviewDecision, input: DecisionInput) => Promise<unknown>
}

/** The reply to the citizen: only what the server allows now, each with what it needs. */
export function DecisionPanel({ decisions, toleranceCandidates, onDecide }: DecisionPanelProps) {
  const [chosen, setChosen] = useState<PrereviewDecision | null>(null)
  const [comment, setComment] = useState('')
  // Every candidate is ticked unless the reviewer unticked it (candidates change as materials are marked).
  const [unticked, setUnticked] = useState<string[]>([])
  const [promisedOn, setPromisedOn] = useState(() => chinaDatePlus(DEFAULT_PROMISE_DAYS))
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { confirm, confirmBar } = useConfirm()

  if (decisions.length === 0) {
    return (
      <View className="card decision-panel">
        <Text className="card__title">答复</Text>
        <Text className="muted">逐项审核材料后，可选择答复方式。</Text>
      </View>
    )
  }
  const current = chosen && decisions.includes(chosen) ? chosen : null
  const choose = (decision: PrereviewDecision) => {
    setChosen(decision)
    setFieldError(null)
    setFormError(null)
  }
  const tolerated = toleranceCandidates.map((material) => material.slot.key).filter((key) => !unticked.includes(key))
  const toggle = (key: string) =>
    setUnticked((keys) => (keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key]))

  const submit = async (decision: PrereviewDecision) => {
    setFieldError(null)
    setFormError(null)
    if (decision === 'refuse' && !comment.trim()) return setFieldError('请填写不予受理的法律依据和理由')
    if (decision === 'tolerate' && tolerated.length === 0) return setFormError('请选择容缺的材料')
    if (!(await confirm({ title: PREREVIEW_DECISIONS[decision], content: `确定答复“${PREREVIEW_DECISIONS[decision]}”吗？答复后申请人会收到通知。` }))) return
    setBusy(true)
    try {
      await onDecide(decision, {
        comment,
        tolerance: decision === 'tolerate' ? { materialKeys: tolerated, promisedOn } : undefined,
      })
    } catch (error) {
      if (error instanceof ApiError && error.field === 'comment') setFieldError(error.message)
      else setFormError(userMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card decision-panel">
      <Text className="card__title">答复</Text>
      <View className="decision-panel__choices">
        {decisions.map((decision) => (
          <Text
            key={decision}
            className={`decision-panel__choice decision-panel__choice--${decision}${current === decision ? ' decision-panel__choice--active' : ''}`}
            onClick={() => choose(decision)}
          >
            {PREREVIEW_DECISIONS[decision]}
          </Text>
        ))}
      </View>
      {current === 'tolerate' ? (
        <View className="decision-panel__tolerance">
          <Text className="decision-panel__hint">容缺的材料（可后补）</Text>
          {toleranceCandidates.map((material) => (
            <Text
              key={material.slot.key}
              className={`decision-panel__material${tolerated.includes(material.slot.key) ? ' decision-panel__material--on' : ''}`}
              onClick={() => toggle(material.slot.key)}
            >
              {tolerated.includes(material.slot.key) ? '☑' : '☐'} {material.slot.name}
            </Text>
          ))}
          <Picker mode="date" value={promisedOn} start={chinaDatePlus(1)} onChange={(e) => setPromisedOn(String(e.detail.value))}>
            <Text className="decision-panel__date">承诺补交日期：{promisedOn} ▾</Text>
          </Picker>
        </View>
      ) : null}
      {current ? (
        <>
          <FormField label={COMMENT_LABELS[current].label} error={fieldError}>
            <TextArea
              className="decision-panel__comment"
              value={comment}
              maxLength={1000}
              placeholder={COMMENT_LABELS[current].placeholder}
              onChange={setComment}
            />
          </FormField>
          {formError ? <Text className="decision-panel__error">{formError}</Text> : null}
          <Button
            block
            type={current === 'refuse' || current === 'return' ? 'danger' : 'primary'}
            loading={busy}
            disabled={busy}
            onClick={() => void submit(current)}
          >
            确认{PREREVIEW_DECISIONS[current]}
          </Button>
          {confirmBar}
        </>
      ) : (
        <Text className="muted">请选择答复方式。</Text>
      )}
    </View>
  )
}
