import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { staffPrereviewRoutes } from '../../../../routes'
import { useStaffGuard } from '../../useStaffGuard'
import { useStaffPrereviews } from '../../useStaffPrereviews'
import { LightFilter } from './LightFilter'
import { PartRow } from './PartRow'
import './index.scss'

/** The department's pre-review parts waiting for review, most urgent first (the server's order). */
const StaffPrereviewQueuePage = observer(function StaffPrereviewQueuePage() {
  const prereviews = useStaffPrereviews()
  const { queue } = prereviews
  const allowed = useStaffGuard()

  useEffect(() => {
    if (allowed && queue.status === 'idle') void queue.reload()
  }, [allowed, queue])
  useDidShow(() => {
    // Back from a part: it may have been decided, or a colleague took another.
    if (allowed && queue.status !== 'idle') void queue.reload()
  })
  usePullDownRefresh(() => {
    void queue.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (allowed) void queue.loadMore()
  })

  if (!allowed) {
    return (
      <PageShell name="staff-prereviews">
        <LoadState status="loading" />
      </PageShell>
    )
  }

  let body
  if (queue.items.length === 0 && queue.status === 'ready') {
    body = <EmptyState title="没有待审核的预审" description="新的预审提交后会出现在这里，下拉可刷新。" />
  } else if (queue.items.length === 0) {
    body = <LoadState status={queue.status === 'error' ? 'error' : 'loading'} error={queue.error} onRetry={() => void queue.reload()} />
  } else {
    body = (
      <View className="staff-prereviews__list">
        {queue.items.map((item) => (
          <PartRow key={item.id} item={item} onOpen={(partId) => void Taro.navigateTo({ url: staffPrereviewRoutes.part(partId) })} />
        ))}
        {queue.status === 'error' ? <LoadState status="error" error={queue.error} onRetry={() => void queue.loadMore()} /> : null}
        {queue.status === 'loading' ? <Text className="staff-prereviews__end muted">加载中…</Text> : null}
        {!queue.hasMore ? <Text className="staff-prereviews__end muted">共 {queue.total} 件待审核</Text> : null}
      </View>
    )
  }

  return (
    <PageShell name="staff-prereviews">
      <LightFilter light={prereviews.filters.light} onChange={(light) => void prereviews.setFilters({ light })} />
      {body}
    </PageShell>
  )
})

export default StaffPrereviewQueuePage
