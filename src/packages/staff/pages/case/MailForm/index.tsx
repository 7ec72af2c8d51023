import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { ApiError, userMessage } from '../../../../../api/ApiError'
import { FormField } from '../../../../../components/FormField'

/** The contract's rules (types/cases.ts MailResultRequest). */
const TRACKING_PATTERN = /^[A-Za-z0-9]{6,30}$/

/** 邮寄送达: courier and tracking number, sent to the applicant with the result. */
export function MailForm({ onSave }: { onSave: (courier: string, trackingNumber: string) => Promise<void> }) {
  const [courier, setCourier] = useState('')
  const [tracking, setTracking] = useState('')
  const [errors, setErrors] = useState<{ courier?: string; trackingNumber?: string; form?: string }>({})
  const [busy, setBusy] = useState(false)

  const save = async () => {
    const next: typeof errors = {}
    const c = courier.trim()
    if (c.length < 2 || c.length > 30) next.courier = '请填写快递公司（2–30字）'
    if (!TRACKING_PATTERN.test(tracking.trim())) next.trackingNumber = '运单号为6–30位字母或数字'
    setErrors(next)
    if (next.courier || next.trackingNumber) return
    setBusy(true)
    try {
      await onSave(c, tracking)
    } catch (error) {
      if (error instanceof ApiError && (error.field === 'courier' || error.field === 'trackingNumber')) setErrors({ [error.field]: error.message })
      else setErrors({ form: userMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="mail-form">
      <FormField label="快递公司" error={errors.courier}>
        <Input name="courier" placeholder="如 中国邮政EMS" value={courier} maxLength={30} onChange={setCourier} />
      </FormField>
      <FormField label="运单号" error={errors.trackingNumber}>
        <Input name="trackingNumber" placeholder="快递运单号" value={tracking} maxLength={30} onChange={setTracking} />
      </FormField>
      {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
      <Button size="small" type="primary" loading={busy} onClick={() => void save()}>
        登记寄件
      </Button>
    </View>
  )
}
