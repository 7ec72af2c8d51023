import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { Faq, MatterDetail, MatterGuidePatch } from '../../../../../../types/matters'
import { ApiError, userMessage } from '../../../../../api/ApiError'
import { FormField } from '../../../../../components/FormField'
import { FaqEditor, faqProblems, MAX_FAQS } from '../FaqEditor'
import './index.scss'

/** The contract's rule for hotlines: digits and dashes, 5–20 characters. */
const PHONE_PATTERN = /^[0-9-]{5,20}$/
const PHONE_MESSAGE = '请输入电话号码（5–20位数字，可含“-”）'

interface GuideEditFormProps {
  matter: MatterDetail
  onSave: (patch: MatterGuidePatch) => Promise<void>
  onSaved: () => void
}

export function GuideEditForm({ matter, onSave, onSaved }: GuideEditFormProps) {
  const [consultPhone, setConsultPhone] = useState(matter.consultPhone)
  const [supervisionPhone, setSupervisionPhone] = useState(matter.supervisionPhone)
  const [faqs, setFaqs] = useState<Faq[]>(matter.faqs)
  const [errors, setErrors] = useState<{ consult?: string; supervision?: string; faqs?: string[] }>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    setFormError(null)
    const next = {
      consult: PHONE_PATTERN.test(consultPhone.trim()) ? undefined : PHONE_MESSAGE,
      supervision: PHONE_PATTERN.test(supervisionPhone.trim()) ? undefined : PHONE_MESSAGE,
      faqs: faqProblems(faqs),
    }
    setErrors(next)
    if (next.consult || next.supervision || next.faqs.some(Boolean)) {
      // The form is long: say so beside the button too.
      setFormError('有内容需要修改，请查看标红的提示')
      return
    }
    setBusy(true)
    try {
      await onSave({
        consultPhone: consultPhone.trim(),
        supervisionPhone: supervisionPhone.trim(),
        faqs: faqs.map((f) => ({ question: f.question.trim(), answer: f.answer.trim() })),
      })
      onSaved()
    } catch (error) {
      if (error instanceof ApiError && error.field === 'consultPhone') setErrors({ ...next, consult: error.message })
      else if (error instanceof ApiError && error.field === 'supervisionPhone') setErrors({ ...next, supervision: error.message })
      else setFormError(userMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="guide-edit">
      <View className="card">
        <Text className="card__title">电话</Text>
        <FormField label="咨询电话" error={errors.consult}>
          <Input name="consultPhone" type="tel" maxLength={20} value={consultPhone} onChange={setConsultPhone} />
        </FormField>
        <FormField label="监督电话" error={errors.supervision}>
          <Input name="supervisionPhone" type="tel" maxLength={20} value={supervisionPhone} onChange={setSupervisionPhone} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">
          常见问题（{faqs.length}/{MAX_FAQS}）
        </Text>
        <FaqEditor faqs={faqs} errors={errors.faqs ?? []} onChange={setFaqs} />
      </View>
      {formError ? (
        <Text className="guide-edit__error">
          {formError}
        </Text>
      ) : null}
      <View className="guide-edit__actions">
        <Button type="primary" block loading={busy} onClick={save}>
          保存
        </Button>
      </View>
    </View>
  )
}
