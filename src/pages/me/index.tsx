import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { LoadState } from '../../components/LoadState'
import { PageShell } from '../../components/PageShell'
import { useStores } from '../../stores/context'
import { routes } from '../../routes'
import { CitizenCard } from './CitizenCard'
import { StaffCard } from './StaffCard'
import './index.scss'

const MePage = observer(function MePage() {
  const { session, notifications } = useStores()

  useDidShow(() => {
    // Picks up a real-name declared in the account package.
    if (session.isCitizen && session.restored) void session.refreshCitizen().catch(() => undefined)
    // Not waiting for restore(): the stored token is already in use on first show.
    if (session.isCitizen) void notifications.refreshUnread()
  })

  const signOut = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定退出当前账号吗？' })
    if (confirm) await session.signOut()
  }

  let body
  if (!session.restored) body = <LoadState status="loading" />
  else if (session.isCitizen && session.citizen) body = <CitizenCard profile={session.citizen} unread={notifications.unread} onSignOut={signOut} />
  else if (session.isStaff && session.staff) body = <StaffCard staff={session.staff} onSignOut={signOut} />
  else if (session.isSignedIn) {
    body = (
      <View className="card me-offline">
        <Text>{session.restoreProblem ?? '暂时无法确认登录状态'}</Text>
        <Button fill="outline" type="primary" onClick={() => void session.restore()}>
          重试
        </Button>
      </View>
    )
  } else {
    body = (
      <View className="card me-guest">
        <Text className="me-guest__title">登录后可查看实名信息和办件进度</Text>
        <Button type="primary" block onClick={() => void Taro.navigateTo({ url: routes.login })}>
          登录
        </Button>
      </View>
    )
  }

  return (
    <PageShell name="me">
      {body}
      {!session.isStaff ? (
        <View className="me-staff-entry">
          <Text className="me-staff-entry__link" onClick={() => void Taro.navigateTo({ url: routes.staffLogin })}>
            工作人员入口
          </Text>
        </View>
      ) : null}
    </PageShell>
  )
})

export default MePage
