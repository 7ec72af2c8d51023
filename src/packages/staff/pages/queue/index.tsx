import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { CaseRow } from '../../../../components/CaseRow'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { caseRoutes } from '../../../../routes'
import { StaffListBody } from '../../components/StaffListBody'
import { useStaffCases } from '../../useStaffCases'
import { useStaffList } from '../../useStaffList'
import { QueueFilters } from './QueueFilters'
import './index.scss'

/** The department's cases, most urgent first (the server's order), with their lights. */
const StaffQueuePage = observer(function StaffQueuePage() {
  const { session } = useStores()
  const staffCases = useStaffCases()
  const { queue } = staffCases
  const allowed = useStaffList(queue)

  if (!allowed) {
    return (
      <PageShell name="staff-queue">
        <LoadState status="loading" />
      </PageShell>
    )
  }
  const canSupervise = session.staff?.canSupervise === true

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
      <StaffListBody
        list={queue}
        block="staff-queue"
        empty={<EmptyState title="没有符合条件的办件" description="换个筛选条件，或在窗口登记新收件。" />}
        total={(n) => `共 ${n} 件`}
        row={(item) => <CaseRow key={item.id} item={item} showApplicant onOpen={(id) => void Taro.navigateTo({ url: caseRoutes.staffCase(id) })} />}
      />
    </PageShell>
  )
})

export default StaffQueuePage
