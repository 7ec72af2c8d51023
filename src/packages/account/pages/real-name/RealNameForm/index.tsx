import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { checkResidentId, RESIDENT_ID_MESSAGES } from '../../../../../../types/validators'
import { ApiError, userMessage } from '../../../../../api/ApiError'
import { FormField } from '../../../../../components/FormField'
import { useStores } from '../../../../../stores/context'
import './index.scss'

/** The contract's rule for names: 2–30 Chinese characters or the middle dot. */
const NAME_PATTERN = /^[\u4e00-\u9fa5·]{2,30}$/
const NAME_MESSAGE = '请输入身份证上的中文姓名（2–30个汉字）'

interface RealNameFormProps {
  submitLabel: string
  onSubmitted: () => void
}

export const RealNameForm = observer(function RealNameForm({ submitLabel, onSubmitted }: RealNameFormProps) {
  const { session } = useStores()
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [nameError, setNameError] = useState<string | null>(null)
  const [idError, setIdError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setFormError(null)
    const nameOk = NAME_PATTERN.test(name.trim())
    const idProblem = checkResidentId(idNumber)
    setNameError(nameOk ? null : NAME_MESSAGE)
    setIdError(idProblem ? RESIDENT_ID_MESSAGES[idProblem] : null)
    if (!nameOk || idProblem) return
    setBusy(true)
    try {
      await session.declareRealName(name, idNumber)
      onSubmitted()
    } catch (error) {
      if (error instanceof ApiError && error.field === 'name') setNameError(error.message)
      else if (error instanceof ApiError && error.field === 'idNumber') setIdError(error.message)
      else setFormError(userMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="real-name-form">
      <FormField label="姓名" error={nameError}>
        <Input name="name" placeholder="与身份证一致" maxLength={30} value={name} onChange={(value) => setName(value)} />
      </FormField>
      <FormField label="身份证号" error={idError}>
        <Input
          type="idcard"
          name="idNumber"
          placeholder="18位居民身份证号"
          maxLength={18}
          value={idNumber}
          onChange={(value) => setIdNumber(value)}
        />
      </FormField>
      {formError ? (
        <Text className="real-name-form__error">
          {formError}
        </Text>
      ) : null}
      <Button className="real-name-form__submit" type="primary" block loading={busy} onClick={submit}>
        {submitLabel}
      </Button>
    </View>
  )
})
