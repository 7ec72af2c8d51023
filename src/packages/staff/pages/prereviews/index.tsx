import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { staffPrereviewRoutes } from '../../../../routes'
import { StaffListBody } from '../../components/StaffListBody'
import { useStaffList } from '../../useStaffList'
import { useStaffPrereviews } from '../../useStaffPrereviews'
import { LightFilter } from './LightFilter'
import { PartRow } from './PartRow'
import './index.scss'

/** The department's pre-review parts waiting for review, most urgent first (the server's order). */
const StaffPrereviewQueuePage = observer(function StaffPrereviewQueuePage() {
  const prereviews = useStaffPrereviews()
  const { queue } = prereviews
  const allowed = useStaffList(queue)

  if (!allowed) {
    return (
      <PageShell name="staff-prereviews">
        <LoadState status="loading" />
      </PageShell>
    )
  }
  return (
    <PageShell name="staff-prereviews">
      <LightFilter light={prereviews.filters.light} onChange={(light) => void prereviews.setFilters({ light })} />
      <StaffListBody
        list={queue}
        block="staff-prereviews"
        empty={<EmptyState title="没有待审核的预审" description="新的预审提交后会出现在这里，下拉可刷新。" />}
        total={(n) => `共 ${n} 件待审核`}
        row={(item) => <PartRow key={item.id} item={item} onOpen={(partId) => void Taro.navigateTo({ url: staffPrereviewRoutes.part(partId) })} />}
      />
    </PageShell>
  )
})

export default StaffPrereviewQueuePage
