import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { complaintRoutes } from '../../../../routes'
import { ComplaintRow } from '../../../complaints/components/ComplaintRow'
import { StaffListBody } from '../../components/StaffListBody'
import { useStaffComplaints } from '../../useStaffComplaints'
import { useStaffList } from '../../useStaffList'
import { LightFilter } from '../prereviews/LightFilter'
import { ScopeChips } from './ScopeChips'
import './index.scss'

/** The department's complaints and suggestions (admin: all), open ones by reply due time first (the server's order). */
const StaffComplaintsPage = observer(function StaffComplaintsPage() {
  const complaints = useStaffComplaints()
  const { list, filters } = complaints
  const allowed = useStaffList(list)

  const body = allowed ? (
    <StaffListBody
      list={list}
      block="staff-complaints"
      empty={<EmptyState title={filters.scope === 'open' ? '没有待处理的投诉建议' : '暂无投诉建议'} description="下拉可刷新。" />}
      total={(n) => `共 ${n} 条`}
      row={(item) => (
        <ComplaintRow key={item.id} item={item} who={item.citizenNameMasked} onOpen={(id) => void Taro.navigateTo({ url: complaintRoutes.staffDetail(id) })} />
      )}
    />
  ) : (
    <LoadState status="loading" />
  )
  return (
    <PageShell name="staff-complaints">
      <ScopeChips scope={filters.scope} onChange={(scope) => void complaints.setFilters({ scope })} />
      <LightFilter light={filters.light} onChange={(light) => void complaints.setFilters({ light })} />
      {body}
    </PageShell>
  )
})

export default StaffComplaintsPage
