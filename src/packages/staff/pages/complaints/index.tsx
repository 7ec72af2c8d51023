import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { complaintRoutes } from '../../../../routes'
import { ComplaintRow } from '../../../complaints/components/ComplaintRow'
import { useStaffComplaints } from '../../useStaffComplaints'
import { useStaffGuard } from '../../useStaffGuard'
import { LightFilter } from '../prereviews/LightFilter'
import { ScopeChips } from './ScopeChips'
import './index.scss'

/** The department's complaints and suggestions (admin: all), open ones by reply due time first (the server's order). */
const StaffComplaintsPage = observer(function StaffComplaintsPage() {
  const complaints = useStaffComplaints()
  const { list, filters } = complaints
  const allowed = useStaffGuard()

  useEffect(() => {
    if (allowed && list.status === 'idle') void list.reload()
  }, [allowed, list])
  // Back from a complaint: it may have moved on.
  useDidShow(() => {
    if (allowed && list.status !== 'idle') void list.reload()
  })
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (allowed) void list.loadMore()
  })

  let body
  if (!allowed) body = <LoadState status="loading" />
  else if (list.items.length === 0 && list.status === 'ready') body = <EmptyState title={filters.scope === 'open' ? '没有待处理的投诉建议' : '暂无投诉建议'} description="下拉可刷新。" />
  else if (list.items.length === 0) body = <LoadState status={list.status === 'error' ? 'error' : 'loading'} error={list.error} onRetry={() => void list.reload()} />
  else {
    body = (
      <View className="staff-complaints__list">
        {list.items.map((item) => (
          <ComplaintRow key={item.id} item={item} who={item.citizenNameMasked} onOpen={(id) => void Taro.navigateTo({ url: complaintRoutes.staffDetail(id) })} />
        ))}
        {list.status === 'error' ? <LoadState status="error" error={list.error} onRetry={() => void list.loadMore()} /> : null}
        {!list.hasMore ? <Text className="staff-complaints__end muted">共 {list.total} 条</Text> : null}
      </View>
    )
  }
  return (
    <PageShell name="staff-complaints">
      <ScopeChips scope={filters.scope} onChange={(scope) => void complaints.setFilters({ scope })} />
      <LightFilter light={filters.light} onChange={(light) => void complaints.setFilters({ light })} />
      {body}
    </PageShell>
  )
})

export default StaffComplaintsPage
