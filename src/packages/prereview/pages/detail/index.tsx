import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useRef, useState } from 'react'
import type { PartView } from '../../../../../types/prereviews'
import { userMessage } from '../../../../api/ApiError'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { toast } from '../../../../navigation'
import { bookingPages } from '../../../booking/routes'
import { GatePrompt } from '../../components/GatePrompt'
import { stillReturned } from '../../formRules'
import { subscribeMessages } from '../../platform/subscribe'
import { prereviewPages } from '../../routes'
import { useCitizenGuard } from '../../useCitizenGuard'
import { useMaterialActions } from '../../useMaterialActions'
import { usePrereviews } from '../../usePrereviews'
import { Correction } from './Correction'
import { HistoryList } from './HistoryList'
import { MaterialVerdicts } from './MaterialVerdicts'
import { PartCard } from './PartCard'
import { StatusHeader } from './StatusHeader'
import { WithdrawForm } from '../../../../components/WithdrawForm'

/** A submitted pre-review: status, each department's part and reply, verdicts, 补正, receipts, history, 撤回. */
const PrereviewDetailPage = observer(function PrereviewDetailPage() {
  const prereviews = usePrereviews()
  const id = useRouter().params.id ?? ''
  const gate = useCitizenGuard(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [tapped, setTapped] = useState(false)
  // A second tap can arrive before React re-renders the disabled button: this guards the consent sheet too.
  const inTap = useRef(false)

  const shown = useRef(false)

  useEffect(() => {
    if (gate === 'ready' && id) void prereviews.loadPrereview(id)
  }, [gate, id, prereviews])
  // Again on every later show: a reply may have come while the citizen was away.
  useDidShow(() => {
    if (shown.current && gate === 'ready' && id) void prereviews.loadPrereview(id)
    shown.current = true
    void prereviews.loadTemplates()
  })
  const detail = prereviews.prereviewById(id)
  const actions = useMaterialActions(prereviews, detail ?? null)

  if (!id) return <LoadState status="error" error="缺少预审编号" />
  if (gate !== 'ready') {
    return (
      <PageShell name="prereview-detail">
        <GatePrompt gate={gate} />
      </PageShell>
    )
  }
  if (!detail) {
    const { status, error } = prereviews.detailStatus(id)
    return (
      <PageShell name="prereview-detail">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error} onRetry={() => void prereviews.loadPrereview(id)} rows={8} />
      </PageShell>
    )
  }

  const returned = prereviews.correction(detail.id)
  const submitting = tapped || prereviews.isSubmitting(detail.id)
  const resubmit = () => {
    if (submitting || inTap.current) return
    const missing = stillReturned(detail, returned)
    if (missing.length > 0) return setProblem(`请为以下材料上传新的页面：${missing.map((m) => m.slot.name).join('、')}`)
    if (actions.uploading) return setProblem('材料还在上传，请稍候再提交')
    setProblem(null)
    inTap.current = true
    setTapped(true)
    const ids = prereviews.templates.map((template) => template.templateId)
    const consent = subscribeMessages.available && ids.length > 0 ? subscribeMessages.request(ids) : Promise.resolve([])
    consent
      .then((accepted) => prereviews.submit(detail.id, accepted))
      .then(() => toast('已重新提交'))
      .catch((error: unknown) => setProblem(userMessage(error)))
      .finally(() => {
        inTap.current = false
        setTapped(false)
      })
  }
  const book = (part: PartView) => {
    if (part.receipt) void Taro.navigateTo({ url: bookingPages.book(part.matterId, { caseId: part.receipt.caseId }) })
  }

  return (
    <PageShell name="prereview-detail">
      <StatusHeader detail={detail} />
      {detail.status === 'draft' ? (
        <View className="card">
          <Button type="primary" block onClick={() => void Taro.redirectTo({ url: prereviewPages.apply(detail.target, detail.id) })}>
            继续填写
          </Button>
        </View>
      ) : null}
      {returned.length > 0 ? (
        <Correction detail={detail} materials={returned} cardProps={actions.cardProps} problem={problem} busy={submitting} onResubmit={resubmit} />
      ) : null}
      {detail.parts.map((part) => (
        <PartCard key={part.id} part={part} onBook={book} />
      ))}
      {detail.status !== 'draft' ? <MaterialVerdicts materials={detail.materials} /> : null}
      <HistoryList history={detail.history} />
      {detail.canWithdraw ? (
        <WithdrawForm
          what="预审"
          onWithdraw={async (reason) => {
            await prereviews.withdraw(detail.id, reason)
            toast('已撤回')
          }}
        />
      ) : null}
      {detail.status === 'withdrawn' || detail.status === 'refused' ? (
        <View className="card">
          <Text className="muted">如需继续办理，请重新申请。</Text>
        </View>
      ) : null}
    </PageShell>
  )
})

export default PrereviewDetailPage
