import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { PageShell } from '../../components/PageShell'
import { useStores } from '../../stores/context'
import { routes } from '../../routes'
import { LookupForm } from './LookupForm'
import { MyCases } from './MyCases'
import './index.scss'

/**
 * 进度: anyone can look a case up with the receipt's number and query
 * password (or its QR code); a signed-in citizen also sees 我的办件.
 */
const ProgressPage = observer(function ProgressPage() {
  const { session, cases } = useStores()

  useDidShow(() => {
    // Statuses change while the tab is hidden: show the server's current answer.
    if (session.isCitizen && cases.mine.status !== 'idle') void cases.mine.reload()
  })
  useReachBottom(() => {
    if (session.isCitizen) void cases.mine.loadMore()
  })

  return (
    <PageShell name="progress">
      <LookupForm />
      {session.isCitizen ? <MyCases list={cases.mine} /> : null}
      <View className="progress-note muted">
        {session.restored && !session.isSignedIn ? (
          <Text className="progress-note__login" onClick={() => void Taro.navigateTo({ url: routes.login })}>
            登录查看我的办件
          </Text>
        ) : null}
        <Text>也可拨打 12345 热线查询进度</Text>
      </View>
    </PageShell>
  )
})

export default ProgressPage
