import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { LoadState } from '../../components/LoadState'
import { useConfirm } from '../../components/ConfirmBar'
import { PageShell } from '../../components/PageShell'
import { useStores } from '../../stores/context'
import { routes } from '../../routes'
import { CitizenCard } from './CitizenCard'
import { StaffCard } from './StaffCard'
import './index.scss'

const MePage = observer(function MePage() {
  const { session, notifications, theme } = useStores()
  const { confirm, confirmBar } = useConfirm()

  useDidShow(() => {
    // Picks up a real-name declared in the account package.
    if (session.isCitizen && session.restored) void session.refreshCitizen().catch(() => undefined)
    // Not waiting for restore(): the stored token is already in use on first show.
    if (session.isCitizen) void notifications.refreshUnread()
  })

  const signOut = async () => {
    if (await confirm({ title: '退出登录', content: '确定退出当前账号吗？', confirmText: '退出' })) await session.signOut()
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
      {confirmBar}
      <CellGroup className="me-settings">
        <Cell title="设置（长辈版）" extra={theme.elder ? '已开启 ›' : '›'} clickable onClick={() => void Taro.navigateTo({ url: routes.settings })} />
      </CellGroup>
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
