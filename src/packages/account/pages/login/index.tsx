import { View, Text } from '@tarojs/components'
import { Divider } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { goBackOr, toast } from '../../../../navigation'
import { wechatLogin } from '../../../../platform/login'
import { TAB_PAGES } from '../../../../routes'
import { SmsLoginForm } from './SmsLoginForm'
import { WechatLogin } from './WechatLogin'
import './index.scss'

/**
 * 登录. WeChat first where WeChat is the host; SMS everywhere. A WeChat sign-in
 * without a phone stays on this page to offer binding one.
 */
const LoginPage = observer(function LoginPage() {
  const { session } = useStores()
  const needsPhone = session.isCitizen && !session.citizen?.phoneMasked

  const done = () => {
    toast('登录成功')
    goBackOr(TAB_PAGES.me)
  }

  return (
    <PageShell name="login">
      <View className="login__intro">
        <Text className="login__title">登录 跑一次</Text>
        <Text className="muted">登录后可实名、查看办件进度。我们只保存办事必需的信息。</Text>
      </View>
      {wechatLogin.available ? (
        <View className="card">
          <WechatLogin
            signedIn={session.isCitizen}
            needsPhone={needsPhone}
            onSignedIn={(hasPhone) => (hasPhone ? done() : undefined)}
            onPhoneBound={done}
            onSkipPhone={() => goBackOr(TAB_PAGES.me)}
          />
        </View>
      ) : null}
      {!session.isCitizen || !wechatLogin.available ? (
        <View className="card">
          {wechatLogin.available ? <Divider>或使用短信验证码登录</Divider> : null}
          <SmsLoginForm onSignedIn={done} />
        </View>
      ) : null}
    </PageShell>
  )
})

export default LoginPage
