import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { inputValue } from '../../../components/inputValue'
import { parseReceiptCode } from '../../../components/receiptCode'
import { codeScanner } from '../../../platform/scan'
import { caseRoutes } from '../../../routes'
import { useStores } from '../../../stores/context'
import './index.scss'

type Field = 'number' | 'password'

/**
 * 办件进度查询 without signing in: the number and query password printed on
 * the receipt, typed in or read from its QR code (mini-program). The answer
 * opens in the cases subpackage, which carries the timeline. Kept plain and
 * its text short: this tab is in the main package (\u-escaped Chinese costs 6 bytes a character).
 */
export const LookupForm = observer(function LookupForm() {
  const { cases } = useStores()
  const [values, setValues] = useState({ number: '', password: '' })
  const [errors, setErrors] = useState<Partial<Record<Field | 'scan', string>>>({})

  const lookup = (number: string, password: string, scanned?: boolean) => {
    const next = { number: number.trim() ? undefined : '请输入办件编号', password: password.trim() ? undefined : '请输入查询密码' }
    setErrors(next)
    if (next.number || next.password) return
    void cases.lookup(number, password, scanned).then((found) => {
      if (found) void Taro.navigateTo({ url: caseRoutes.lookupResult })
    })
  }

  const scan = () =>
    void codeScanner.scan().then((text) => {
      if (text === null) return
      const code = parseReceiptCode(text)
      if (!code) return setErrors({ scan: '不是办件回执二维码' })
      setValues(code)
      lookup(code.number, code.password, true)
    })

  const field = (name: Field, label: string) => (
    <View className="lookup-form__field">
      <Text className="lookup-form__label">{label}</Text>
      <Input
        className="lookup-form__input"
        name={name}
        password={name === 'password'}
        placeholder="见办件回执"
        nativeProps={{ 'aria-label': label }}
        maxlength={name === 'number' ? 50 : 20}
        value={values[name]}
        onInput={(e) => {
          const value = inputValue(e)
          // Functional update: two input events before a re-render must not overwrite each other.
          setValues((current) => ({ ...current, [name]: value }))
        }}
      />
      {errors[name] ? <Text className="lookup-form__error">{errors[name]}</Text> : null}
    </View>
  )

  const problem = errors.scan ?? (cases.lookupStatus === 'error' ? cases.lookupError : null)
  return (
    <View className="card lookup-form">
      <Text className="card__title">办件进度查询</Text>
      {field('number', '办件编号')}
      {field('password', '查询密码')}
      {problem ? <Text className="lookup-form__error">{problem}</Text> : null}
      <Button type="primary" block loading={cases.lookupStatus === 'loading'} onClick={() => lookup(values.number, values.password)}>
        查询
      </Button>
      {codeScanner.available ? (
        <Button block fill="outline" type="primary" onClick={scan}>
          扫码查询
        </Button>
      ) : null}
    </View>
  )
})
