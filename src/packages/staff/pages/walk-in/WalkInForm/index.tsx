import { View, Text, Picker } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { DELIVERY_MODES, type DeliveryMode } from '../../../../../../types/enums'
import type { MatterSummary } from '../../../../../../types/matters'
import { ApiError, userMessage } from '../../../../../api/ApiError'
import { FormField } from '../../../../../components/FormField'
import type { WalkInErrors, WalkInForm as Form } from '../../../../../stores/StaffCaseStore'
import './index.scss'

const MODES = Object.keys(DELIVERY_MODES) as DeliveryMode[]
const EMPTY: Form = { matterId: '', applicantName: '', applicantIdNumber: '', applicantPhone: '', deliveryMode: 'hall', address: '' }
const FIELDS: readonly string[] = ['matterId', 'applicantName', 'applicantIdNumber', 'applicantPhone', 'address']

interface WalkInFormProps {
  matters: MatterSummary[]
  /** Resolves to the field errors (then nothing was sent) or `{}` when registered. */
  onSubmit: (form: Form) => Promise<WalkInErrors>
  onRegistered: () => void
}

export function WalkInForm({ matters, onSubmit, onRegistered }: WalkInFormProps) {
  const [form, setForm] = useState<Form>(EMPTY)
  const [errors, setErrors] = useState<WalkInErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }))
  const matter = matters.find((m) => m.id === form.matterId)

  const submit = async () => {
    setFormError(null)
    setBusy(true)
    try {
      const found = await onSubmit(form)
      setErrors(found)
      if (Object.keys(found).length === 0) onRegistered()
    } catch (error) {
      // The server names the field for what it refuses (e.g. an ID it cannot accept).
      const field = error instanceof ApiError ? error.field?.replace(/^delivery\./, '') : undefined
      if (field && FIELDS.includes(field)) setErrors({ [field]: (error as ApiError).message })
      else setFormError(userMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card walk-in-form">
      <FormField label="办理事项" error={errors.matterId}>
        <Picker
          mode="selector"
          range={matters.map((m) => m.name)}
          value={Math.max(0, matters.findIndex((m) => m.id === form.matterId))}
          onChange={(e) => set({ matterId: matters[Number(e.detail.value)]?.id ?? '' })}
        >
          <Text className={matter ? 'walk-in-form__picked' : 'walk-in-form__placeholder'}>{matter ? matter.name : '请选择事项 ▾'}</Text>
        </Picker>
      </FormField>
      <FormField label="申请人姓名" error={errors.applicantName}>
        <Input name="applicantName" placeholder="与身份证一致" maxLength={30} value={form.applicantName} onChange={(v) => set({ applicantName: v })} />
      </FormField>
      <FormField label="身份证号" error={errors.applicantIdNumber}>
        <Input
          name="applicantIdNumber"
          type="idcard"
          placeholder="18位居民身份证号"
          maxLength={18}
          value={form.applicantIdNumber}
          onChange={(v) => set({ applicantIdNumber: v })}
        />
      </FormField>
      <FormField label="手机号" error={errors.applicantPhone}>
        <Input name="applicantPhone" type="number" placeholder="接收办件通知" maxLength={11} value={form.applicantPhone} onChange={(v) => set({ applicantPhone: v })} />
      </FormField>
      <FormField label="结果送达">
        <View className="walk-in-form__modes">
          {MODES.map((mode) => (
            <Text
              key={mode}
              className={`walk-in-form__mode${form.deliveryMode === mode ? ' walk-in-form__mode--active' : ''}`}
              onClick={() => set({ deliveryMode: mode })}
            >
              {DELIVERY_MODES[mode]}
            </Text>
          ))}
        </View>
      </FormField>
      {form.deliveryMode === 'mail' ? (
        <FormField label="邮寄地址" error={errors.address}>
          <TextArea placeholder="省市区、街道、门牌号、收件人" maxLength={200} value={form.address} onChange={(v) => set({ address: v })} />
        </FormField>
      ) : null}
      {formError ? <Text className="walk-in-form__error">{formError}</Text> : null}
      <Button className="walk-in-form__submit" type="primary" block loading={busy} onClick={() => void submit()}>
        登记收件
      </Button>
    </View>
  )
}
