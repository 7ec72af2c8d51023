import { View, Text, Picker } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { HallClosure, HallClosureResult } from '../../../../../../types/appointments'
import { FormField } from '../../../../../components/FormField'
import type { ClosureForm as Form, FormErrors } from '../../../slotForms'
import type { Outcome } from '../../../StaffBookingStore'
import './index.scss'

interface ClosureFormProps {
  today: string
  /** Only admins close a hall (the server checks the same); others see the closures. */
  canClose: boolean
  closures: HallClosure[]
  lastClosure: HallClosureResult | null
  onCreate: (form: Form) => Promise<Outcome<HallClosureResult> & { errors?: FormErrors<Form> }>
}

/** 闭厅: no bookings from one date to another; the bookings already made are cancelled and their citizens told why. */
export function ClosureForm({ today, canClose, closures, lastClosure, onCreate }: ClosureFormProps) {
  const [form, setForm] = useState<Form>({ from: today, to: today, reason: '' })
  const [errors, setErrors] = useState<FormErrors<Form>>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }))

  const submit = async () => {
    setBusy(true)
    setMessage(null)
    const outcome = await onCreate(form)
    setBusy(false)
    setErrors(outcome.ok ? {} : outcome.errors ?? {})
    if (!outcome.ok && outcome.message) setMessage(outcome.message)
  }

  return (
    <View className="card closure-form">
      <Text className="card__title">闭厅</Text>
      {closures.map((c) => (
        <Text key={c.id} className="closure-form__closure">
          {c.from === c.to ? c.from : `${c.from} 至 ${c.to}`}：{c.reason}
        </Text>
      ))}
      {closures.length === 0 ? <Text className="muted">近期没有闭厅安排</Text> : null}
      {!canClose ? <Text className="muted">闭厅由系统管理员设置。</Text> : null}
      {canClose ? (
        <>
          <FormField label="开始日期" error={errors.from}>
            <Picker mode="date" value={form.from} start={today} onChange={(e) => set({ from: String(e.detail.value) })}>
              <Text>{form.from} ▾</Text>
            </Picker>
          </FormField>
          <FormField label="结束日期" error={errors.to}>
            <Picker mode="date" value={form.to} start={form.from} onChange={(e) => set({ to: String(e.detail.value) })}>
              <Text>{form.to} ▾</Text>
            </Picker>
          </FormField>
          <FormField label="原因" error={errors.reason} hint="将通知当天已预约的群众">
            <TextArea value={form.reason} maxLength={100} placeholder="如：系统升级暂停对外办公" onChange={(v) => set({ reason: v })} />
          </FormField>
          {message ? <Text className="closure-form__error">{message}</Text> : null}
          {lastClosure ? (
            <Text className="closure-form__done">
              已闭厅 {lastClosure.closure.from} 至 {lastClosure.closure.to}，取消预约 {lastClosure.cancelledAppointments} 个，已逐一通知群众。
            </Text>
          ) : null}
          <Button type="danger" block loading={busy} onClick={() => void submit()}>
            闭厅并通知群众
          </Button>
        </>
      ) : null}
    </View>
  )
}
