import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { EmptyState } from '../../components/EmptyState'
import { LoadState } from '../../components/LoadState'
import { PageShell } from '../../components/PageShell'
import { useStores } from '../../stores/context'
import { routes, TAB_PAGES } from '../../routes'
import './index.scss'

/**
 * 进度. Cases (办件) do not exist in the platform yet, so this page says
 * plainly what will appear here — it never shows sample data.
 */
const ProgressPage = observer(function ProgressPage() {
  const { session } = useStores()

  if (!session.restored) {
    return (
      <PageShell name="progress">
        <LoadState status="loading" />
      </PageShell>
    )
  }

  return (
    <PageShell name="progress">
      {session.isCitizen ? (
        <EmptyState
          title="暂无办件"
          description="您在大厅或线上申办的事项受理后，办件编号、当前环节和办理时限会显示在这里。"
          action={
            <Button type="primary" onClick={() => void Taro.switchTab({ url: TAB_PAGES.services })}>
              查看办事指南
            </Button>
          }
        />
      ) : (
        <EmptyState
          title="登录后查看办件进度"
          description="办件进度与您的账号关联，请先登录。"
          action={
            <Button type="primary" onClick={() => void Taro.navigateTo({ url: routes.login })}>
              登录
            </Button>
          }
        />
      )}
      <View className="card progress-note">
        <Text className="muted">办件进度也可拨打 12345 政务服务便民热线查询。</Text>
      </View>
    </PageShell>
  )
})

export default ProgressPage
