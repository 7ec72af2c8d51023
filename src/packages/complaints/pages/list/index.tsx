import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { complaintRoutes } from '../../../../routes'
import { useCitizenGuard } from '../../../prereview/useCitizenGuard'
import { ComplaintRow } from '../../components/ComplaintRow'
import { HotlineBar } from '../../components/HotlineBar'
import { useComplaints } from '../../useComplaints'
import './index.scss'

/** 我的投诉建议: mine, newest first, with where each stands and the reply light. */
const MyComplaintsPage = observer(function MyComplaintsPage() {
  const { mine } = useComplaints()
  const gate = useCitizenGuard(false)
  const ready = gate === 'ready'

  useEffect(() => {
    if (ready && mine.status === 'idle') void mine.reload()
  }, [ready, mine])
  // Back from a complaint or a new one (filing resets the list): it may have moved on.
  useDidShow(() => {
    if (ready && mine.status !== 'loading') void mine.reload()
  })
  usePullDownRefresh(() => void mine.reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (ready) void mine.loadMore()
  })

  const file = (
    <View className="my-complaints__new">
      <Button type="primary" block onClick={() => void Taro.navigateTo({ url: complaintRoutes.new() })}>
        我要投诉 / 提建议
      </Button>
    </View>
  )
  let body
  if (!ready) body = gate === 'signIn' ? <Text className="card muted">请先登录后查看。</Text> : <LoadState status="loading" />
  else if (mine.items.length === 0 && mine.status === 'ready') body = <EmptyState title="还没有投诉或建议" description="您的每一条投诉建议都会在这里跟踪办理。" />
  else if (mine.items.length === 0) body = <LoadState status={mine.status === 'error' ? 'error' : 'loading'} error={mine.error} onRetry={() => void mine.reload()} />
  else {
    body = (
      <View className="my-complaints__list">
        {mine.items.map((item) => (
          <ComplaintRow key={item.id} item={item} onOpen={(id) => void Taro.navigateTo({ url: complaintRoutes.detail(id) })} />
        ))}
        {mine.status === 'error' ? <LoadState status="error" error={mine.error} onRetry={() => void mine.loadMore()} /> : null}
        {!mine.hasMore ? <Text className="my-complaints__end muted">共 {mine.total} 条</Text> : null}
      </View>
    )
  }
  return (
    <PageShell name="my-complaints">
      {file}
      {body}
      <HotlineBar />
    </PageShell>
  )
})

export default MyComplaintsPage
