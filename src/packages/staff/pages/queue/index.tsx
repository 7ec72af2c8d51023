import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { CaseRow } from '../../../../components/CaseRow'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { caseRoutes } from '../../../../routes'
import { useStaffCases } from '../../useStaffCases'
import { useStaffGuard } from '../../useStaffGuard'
import { QueueFilters } from './QueueFilters'
import './index.scss'

/** The department's cases, most urgent first (the server's order), with their lights. */
const StaffQueuePage = observer(function StaffQueuePage() {
  const { session } = useStores()
  const staffCases = useStaffCases()
  const { queue } = staffCases
  const allowed = useStaffGuard()

  useEffect(() => {
    if (allowed && queue.status === 'idle') void queue.reload()
  }, [allowed, queue])
  useDidShow(() => {
    // Back from a case: its light and status may have changed.
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
      <PageShell name="staff-queue">
        <LoadState status="loading" />
      </PageShell>
    )
  }
  const canSupervise = session.staff?.canSupervise === true

  let body
  if (queue.items.length === 0 && queue.status === 'ready') {
    body = <EmptyState title="没有符合条件的办件" description="换个筛选条件，或在窗口登记新收件。" />
  } else if (queue.items.length === 0) {
    body = <LoadState status={queue.status === 'error' ? 'error' : 'loading'} error={queue.error} onRetry={() => void queue.reload()} />
  } else {
    body = (
      <View className="staff-queue__list">
        {queue.items.map((item) => (
          <CaseRow key={item.id} item={item} showApplicant onOpen={(id) => void Taro.navigateTo({ url: caseRoutes.staffCase(id) })} />
        ))}
        {queue.status === 'error' ? <LoadState status="error" error={queue.error} onRetry={() => void queue.loadMore()} /> : null}
        {!queue.hasMore ? <Text className="staff-queue__end muted">共 {queue.total} 件</Text> : null}
      </View>
    )
  }

  return (
    <PageShell name="staff-queue">
      <View className="staff-queue__actions">
        <Button size="small" type="primary" onClick={() => void Taro.navigateTo({ url: caseRoutes.staffWalkIn })}>
          窗口收件
        </Button>
        {canSupervise ? (
          <Button size="small" fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: caseRoutes.staffSupervision })}>
            督办
          </Button>
        ) : null}
      </View>
      <QueueFilters filters={staffCases.filters} onChange={(patch) => void staffCases.setFilters(patch)} />
      {body}
    </PageShell>
  )
})

export default StaffQueuePage
