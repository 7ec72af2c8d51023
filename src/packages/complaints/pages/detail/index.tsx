import { useDidShow, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { toast } from '../../../../navigation'
import { caseRoutes } from '../../../../routes'
import { useCitizenGuard } from '../../../prereview/useCitizenGuard'
import { ComplaintFacts } from '../../components/ComplaintFacts'
import { HotlineBar } from '../../components/HotlineBar'
import { useComplaints } from '../../useComplaints'
import { RateReply } from './RateReply'
import { ReplyCard } from './ReplyCard'

/** One of my complaints: where it stands with the reply light, what I wrote, the reply, and rating it while `canRate`. */
const ComplaintDetailPage = observer(function ComplaintDetailPage() {
  const complaints = useComplaints()
  const id = useRouter().params.id ?? ''
  const ready = useCitizenGuard(false) === 'ready'

  useEffect(() => {
    if (ready && id) void complaints.loadComplaint(id)
  }, [ready, id, complaints])
  // Back to it (e.g. from the message centre): the reply may have come.
  useDidShow(() => {
    if (ready && id && complaints.complaintById(id)) void complaints.loadComplaint(id)
  })

  const detail = complaints.complaintById(id)
  const { status, error } = complaints.detailStatus(id)
  if (!detail) {
    return (
      <PageShell name="complaint-detail">
        <LoadState status={!id || status === 'error' ? 'error' : 'loading'} error={id ? error : '缺少投诉建议编号'} onRetry={() => void complaints.loadComplaint(id)} rows={6} />
        <HotlineBar />
      </PageShell>
    )
  }
  return (
    <PageShell name="complaint-detail">
      <ComplaintFacts detail={detail} caseUrl={caseRoutes.detail} />
      <ReplyCard reply={detail.reply} rating={detail.rating} />
      {detail.canRate ? (
        <RateReply
          onRate={async (satisfaction, comment) => {
            const errors = await complaints.rate(detail.id, satisfaction, comment)
            if (Object.keys(errors).length === 0) toast('感谢您的评价')
            return errors
          }}
        />
      ) : null}
      <HotlineBar />
    </PageShell>
  )
})

export default ComplaintDetailPage
