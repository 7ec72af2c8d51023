import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { toast } from '../../../../navigation'
import { caseRoutes } from '../../../../routes'
import { useStores } from '../../../../stores/context'
import { ComplaintFacts } from '../../../complaints/components/ComplaintFacts'
import { ReplyCard } from '../../../complaints/pages/detail/ReplyCard'
import { useStaffComplaints } from '../../useStaffComplaints'
import { useStaffGuard } from '../../useStaffGuard'
import { ComplaintActions } from './ComplaintActions'

/** One complaint: what the citizen filed (masked), the reply light, the reply and rating, and the actions the server allows now. */
const StaffComplaintPage = observer(function StaffComplaintPage() {
  const complaints = useStaffComplaints()
  const { catalog } = useStores()
  const id = useRouter().params.id ?? ''
  const allowed = useStaffGuard()

  useEffect(() => {
    if (allowed && id) void complaints.loadComplaint(id)
  }, [allowed, id, complaints])
  const detail = complaints.complaintById(id)
  const assigning = detail?.allowedActions.includes('assign') ?? false
  useEffect(() => {
    if (assigning) void catalog.loadCatalog()
  }, [assigning, catalog])

  const { status, error } = complaints.detailStatus(id)
  if (!allowed || !detail) {
    return (
      <PageShell name="staff-complaint">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error} onRetry={() => void complaints.loadComplaint(id)} rows={6} />
      </PageShell>
    )
  }
  return (
    <PageShell name="staff-complaint">
      <ComplaintFacts detail={detail} who={detail.citizenNameMasked} caseUrl={caseRoutes.staffCase} />
      <View className="card">
        <Text className="muted">联系电话：{detail.phoneMasked ?? '未留'}</Text>
        {detail.handledBy ? <Text className="muted">{`　经办人：${detail.handledBy}`}</Text> : null}
      </View>
      <ComplaintActions
        actions={detail.allowedActions}
        departments={catalog.departments}
        onAccept={() => complaints.accept(id)}
        onReply={(text) => complaints.reply(id, text)}
        onAssign={(departmentId) => complaints.assign(id, departmentId)}
        onDone={(message) => toast(message)}
      />
      <ReplyCard reply={detail.reply} rating={detail.rating} ratedBy="群众评价" />
    </PageShell>
  )
})

export default StaffComplaintPage
