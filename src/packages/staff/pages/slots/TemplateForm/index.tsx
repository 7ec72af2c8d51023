import { View, Text, Picker } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { SlotTemplate } from '../../../../../../types/appointments'
import type { MatterSummary } from '../../../../../../types/matters'
import { FormField } from '../../../../../components/FormField'
import type { FormErrors, TemplateForm as Form } from '../../../slotForms'
import type { Outcome } from '../../../StaffBookingStore'
import { WEEKDAY_NAMES } from '../weekdays'
import './index.scss'

const EMPTY: Form = { matterId: '', weekdays: [1, 2, 3, 4, 5], startTime: '09:00', lengthMinutes: '', capacity: '5' }

interface TemplateFormProps {
  matters: MatterSummary[]
  onCreate: (form: Form) => Promise<Outcome<SlotTemplate[]> & { errors?: FormErrors<Form> }>
}

/** 新增时段: a service, weekdays, a start time, length (default: the server's setting) and capacity. */
export function TemplateForm({ matters, onCreate }: TemplateFormProps) {
  const [form, setForm] = useState<Form>(EMPTY)
  const [errors, setErrors] = useState<FormErrors<Form>>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }))
  const matter = matters.find((m) => m.id === form.matterId)
  const toggle = (day: number) => set({ weekdays: form.weekdays.includes(day) ? form.weekdays.filter((d) => d !== day) : [...form.weekdays, day] })

  const submit = async () => {
    setBusy(true)
    setMessage(null)
    const outcome = await onCreate(form)
    setBusy(false)
    setErrors(outcome.ok ? {} : outcome.errors ?? {})
    if (outcome.ok) setMessage(`已新增 ${outcome.value.length} 个每周时段`)
    else if (outcome.message) setMessage(outcome.message)
  }

  return (
    <View className="card template-form">
      <Text className="card__title">新增时段</Text>
      <FormField label="事项" error={errors.matterId}>
        <Picker mode="selector" range={matters.map((m) => m.name)} value={Math.max(0, matters.findIndex((m) => m.id === form.matterId))} onChange={(e) => set({ matterId: matters[Number(e.detail.value)]?.id ?? '' })}>
          <Text>{matter ? matter.name : '请选择事项 ▾'}</Text>
        </Picker>
      </FormField>
      <FormField label="每周" error={errors.weekdays}>
        <View className="template-form__days">
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <Text key={d} className={`template-form__day${form.weekdays.includes(d) ? ' template-form__day--on' : ''}`} onClick={() => toggle(d)}>
              {WEEKDAY_NAMES[d].slice(1)}
            </Text>
          ))}
        </View>
      </FormField>
      <FormField label="开始时间" error={errors.startTime}>
        <Picker mode="time" value={form.startTime} start="07:00" end="20:00" onChange={(e) => set({ startTime: String(e.detail.value) })}>
          <Text>{form.startTime} ▾</Text>
        </Picker>
      </FormField>
      <FormField label="时长（分钟）" error={errors.lengthMinutes} hint="不填则按系统默认">
        <Input name="lengthMinutes" type="digit" placeholder="如 30" value={form.lengthMinutes} onChange={(v) => set({ lengthMinutes: v })} />
      </FormField>
      <FormField label="每时段人数" error={errors.capacity}>
        <Input name="capacity" type="digit" value={form.capacity} onChange={(v) => set({ capacity: v })} />
      </FormField>
      {message ? <Text className="template-form__message">{message}</Text> : null}
      <Button type="primary" block loading={busy} onClick={() => void submit()}>
        新增
      </Button>
    </View>
  )
}
