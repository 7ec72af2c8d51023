import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { isMobile, MOBILE_MESSAGE } from '../../../../../../types/validators'
import { ApiError, userMessage } from '../../../../../api/ApiError'
import { FormField } from '../../../../../components/FormField'
import { useStores } from '../../../../../stores/context'
import './index.scss'

const CODE_MESSAGE = '请输入6位数字验证码'

/** Whole seconds left until `deadline` (ms since epoch), re-rendering once a second until then. */
function useCountdown(deadline: number): number {
  const [, setTick] = useState(0)
  useEffect(() => {
    if (deadline <= Date.now()) return
    const timer = setInterval(() => {
      setTick((n) => n + 1)
      if (Date.now() >= deadline) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [deadline])
  return Math.max(0, Math.ceil((deadline - Date.now()) / 1000))
}

/** Phone + SMS code. Every field is checked here before anything is sent. */
export const SmsLoginForm = observer(function SmsLoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { session } = useStores()
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [phoneError, setPhoneError] = useState<string | null>(null)
  const [codeError, setCodeError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [resendAt, setResendAt] = useState(0)
  const [busy, setBusy] = useState<'code' | 'login' | null>(null)
  const secondsLeft = useCountdown(resendAt)

  const showError = (error: unknown) => {
    if (error instanceof ApiError && error.field === 'phone') setPhoneError(error.message)
    else if (error instanceof ApiError && error.field === 'code') setCodeError(error.message)
    else setFormError(userMessage(error))
  }

  const sendCode = async () => {
    setFormError(null)
    setNotice(null)
    if (!isMobile(phone)) return setPhoneError(MOBILE_MESSAGE)
    setPhoneError(null)
    setBusy('code')
    try {
      const sent = await session.requestSmsCode(phone)
      setResendAt(Date.now() + sent.resendAfterSeconds * 1000)
      setNotice(`验证码已发送，${Math.round(sent.expiresInSeconds / 60)}分钟内有效`)
    } catch (error) {
      showError(error)
    } finally {
      setBusy(null)
    }
  }

  const signIn = async () => {
    setFormError(null)
    const phoneOk = isMobile(phone)
    const codeOk = /^\d{6}$/.test(code.trim())
    setPhoneError(phoneOk ? null : MOBILE_MESSAGE)
    setCodeError(codeOk ? null : CODE_MESSAGE)
    if (!phoneOk || !codeOk) return
    setBusy('login')
    try {
      await session.signInWithSms(phone, code)
      onSignedIn()
    } catch (error) {
      showError(error)
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className="sms-login">
      <FormField label="手机号" error={phoneError}>
        <Input
          type="number"
          name="phone"
          placeholder="请输入手机号"
          maxLength={11}
          value={phone}
          onChange={(value) => setPhone(value)}
        />
      </FormField>
      <FormField
        label="验证码"
        error={codeError}
        extra={
          <Button size="small" type="primary" fill="outline" disabled={secondsLeft > 0 || busy !== null} onClick={sendCode}>
            {secondsLeft > 0 ? `${secondsLeft}秒后重发` : '获取验证码'}
          </Button>
        }
      >
        <Input type="number" name="code" placeholder="6位验证码" maxLength={6} value={code} onChange={(value) => setCode(value)} />
      </FormField>
      {notice ? <Text className="sms-login__notice">{notice}</Text> : null}
      {formError ? (
        <Text className="sms-login__error">
          {formError}
        </Text>
      ) : null}
      <Button className="sms-login__submit" type="primary" block loading={busy === 'login'} onClick={signIn}>
        登录
      </Button>
    </View>
  )
})
