import { View, Text, Picker } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { FeeOrderItem } from '../../../../../../types/payments'
import { formatFen } from '../../../../../components/format'
import { shiftDate } from '../../../dates'
import { draftTotalFen, emptyLine, lineFromItem, type FeeLineDraft, type FeeOrderDraft, type FeeOrderErrors } from '../../../feeOrderDraft'
import type { CreateOutcome } from '../../../StaffPaymentStore'
import './index.scss'

interface Props {
  /** The matter's fee items (quantity 1), to start from. */
  prefill: FeeOrderItem[]
  /** China's date today, YYYY-MM-DD. */
  today: string
  onCreate: (draft: FeeOrderDraft) => Promise<CreateOutcome>
}

/** Lines (name, 元, quantity, unit) and 限缴日期 (default a week from today); errors beside what they are about. */
export function FeeOrderForm({ prefill, today, onCreate }: Props) {
  const [lines, setLines] = useState<FeeLineDraft[]>(() => (prefill.length ? prefill.map(lineFromItem) : [emptyLine()]))
  const [deadline, setDeadline] = useState(() => shiftDate(today, 7))
  const [errors, setErrors] = useState<FeeOrderErrors>({})
  const [busy, setBusy] = useState(false)

  const setLine = (i: number, patch: Partial<FeeLineDraft>) => setLines((all) => all.map((line, j) => (j === i ? { ...line, ...patch } : line)))
  const draft = { lines, deadline }

  const submit = async () => {
    setBusy(true)
    try {
      const outcome = await onCreate(draft)
      if (outcome.ok) {
        setErrors({})
        setLines(prefill.length ? prefill.map(lineFromItem) : [emptyLine()])
      } else setErrors(outcome.errors)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="fee-form">
      {lines.map((line, i) => (
        <View key={i} className="fee-form__line">
          <Input name={`name-${i}`} placeholder="收费项目" value={line.name} maxLength={60} onChange={(v) => setLine(i, { name: v })} />
          <View className="fee-form__numbers">
            <Input name={`yuan-${i}`} type="digit" placeholder="金额（元）" value={line.yuan} onChange={(v) => setLine(i, { yuan: v })} />
            <Input name={`quantity-${i}`} type="number" placeholder="数量" value={line.quantity} onChange={(v) => setLine(i, { quantity: v })} />
            <Input name={`unit-${i}`} placeholder="单位" value={line.unit} maxLength={10} onChange={(v) => setLine(i, { unit: v })} />
          </View>
          {errors.lines?.[i] ? <Text className="form-field__error">{errors.lines[i]}</Text> : null}
          {lines.length > 1 ? (
            <Text className="fee-form__remove" onClick={() => setLines((all) => all.filter((_, j) => j !== i))}>
              删除此项
            </Text>
          ) : null}
        </View>
      ))}
      <Text className="fee-form__add" onClick={() => setLines((all) => [...all, emptyLine()])}>
        + 添加收费项目
      </Text>
      <Picker mode="date" value={deadline} start={today} onChange={(e) => setDeadline(String(e.detail.value))}>
        <View className="fee-form__deadline">
          <Text className="muted">限缴日期</Text>
          <Text>{deadline} ›</Text>
        </View>
      </Picker>
      {errors.deadline ? <Text className="form-field__error">{errors.deadline}</Text> : null}
      {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
      <Button type="primary" block loading={busy} onClick={() => void submit()}>
        开具缴费单（合计 {formatFen(draftTotalFen(draft))}）
      </Button>
    </View>
  )
}
