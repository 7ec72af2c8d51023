import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { userMessage } from '../../../../api/ApiError'
import { FormField } from '../../../../components/FormField'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { routes } from '../../../../routes'
import './index.scss'

const StaffLoginPage = observer(function StaffLoginPage() {
  const { session } = useStores()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [usernameError, setUsernameError] = useState<string | null>(null)
  const [passwordError, setPasswordError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const signIn = async () => {
    setFormError(null)
    const usernameOk = username.trim().length >= 2
    setUsernameError(usernameOk ? null : '请输入工作账号')
    setPasswordError(password ? null : '请输入密码')
    if (!usernameOk || !password) return
    setBusy(true)
    try {
      await session.signInStaff(username, password)
      await Taro.redirectTo({ url: routes.staffHome })
    } catch (error) {
      // Wrong password, locked account, too many attempts: the server says which.
      setFormError(userMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell name="staff-login">
      <View className="staff-login__intro">
        <Text className="staff-login__title">工作人员登录</Text>
        <Text className="muted">仅供政务服务中心工作人员使用。</Text>
        {session.isCitizen ? <Text className="muted">登录工作账号将退出当前的个人账号。</Text> : null}
      </View>
      <View className="card">
        <FormField label="账号" error={usernameError}>
          <Input name="username" placeholder="工作账号" maxLength={40} value={username} onChange={setUsername} />
        </FormField>
        <FormField label="密码" error={passwordError}>
          <Input type="password" name="password" placeholder="密码" maxLength={128} value={password} onChange={setPassword} />
        </FormField>
        {formError ? (
          <Text className="staff-login__error">
            {formError}
          </Text>
        ) : null}
        <Button className="staff-login__submit" type="primary" block loading={busy} onClick={signIn}>
          登录
        </Button>
      </View>
    </PageShell>
  )
})

export default StaffLoginPage
