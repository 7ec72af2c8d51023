import { View, Text, Button as TaroButton, type ButtonProps, type BaseEventOrig } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ApiError, userMessage } from '../../../../../api/ApiError'
import { useStores } from '../../../../../stores/context'
import { wechatLogin } from '../../../../../platform/login'
import './index.scss'

interface WechatLoginProps {
  signedIn: boolean
  needsPhone: boolean
  onSignedIn: (hasPhone: boolean) => void
  onPhoneBound: () => void
  onSkipPhone: () => void
}

/** 微信一键登录, then the phone through WeChat's own getPhoneNumber button. */
export const WechatLogin = observer(function WechatLogin(props: WechatLoginProps) {
  const { signedIn, needsPhone, onSignedIn, onPhoneBound, onSkipPhone } = props
  const { session } = useStores()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const signIn = async () => {
    setError(null)
    setBusy(true)
    try {
      const code = await wechatLogin.getCode()
      await session.signInWithWechat(code)
      onSignedIn(Boolean(session.citizen?.phoneMasked))
    } catch (e) {
      // Taro.login failures carry an English errMsg; ours and the server's are Chinese.
      setError(e instanceof ApiError ? e.message : '微信登录失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  const bindPhone = async (event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) => {
    const code = (event.detail as { code?: string }).code
    if (!code) {
      setError('未获得手机号授权，可稍后在“我的”中绑定')
      return
    }
    setError(null)
    setBusy(true)
    try {
      await session.bindWechatPhone(code)
      onPhoneBound()
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="wechat-login">
      {!signedIn ? (
        <Button type="primary" block loading={busy} onClick={signIn}>
          微信一键登录
        </Button>
      ) : needsPhone ? (
        <>
          <Text className="wechat-login__hint">已登录。绑定手机号后可接收办件短信通知。</Text>
          <TaroButton className="wechat-login__phone" openType="getPhoneNumber" onGetPhoneNumber={bindPhone} disabled={busy}>
            授权绑定微信手机号
          </TaroButton>
          <Text className="wechat-login__skip" onClick={onSkipPhone}>
            暂不绑定
          </Text>
        </>
      ) : (
        <Text className="wechat-login__hint">已使用微信登录。</Text>
      )}
      {error ? (
        <Text className="wechat-login__error">
          {error}
        </Text>
      ) : null}
    </View>
  )
})
