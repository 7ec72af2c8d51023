import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { CaseTimeline } from '../../../../components/CaseTimeline'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { complaintRoutes, routes } from '../../../../routes'
import { toast } from '../../../../navigation'
import { CaseHeader } from './CaseHeader'
import { DeliveryInfo } from './DeliveryInfo'
import { PaymentEntry } from './PaymentEntry'
import { RateEntry } from './RateEntry'
import { WithdrawForm } from '../../../../components/WithdrawForm'

/** One of the citizen's cases: status and light, 待缴费 fee orders, 评价 once finished (server's rateable list), deadline, result delivery, timeline, and 撤回 while allowed. */
const CaseDetailPage = observer(function CaseDetailPage() {
  const { cases, session } = useStores()
  const id = useRouter().params.id ?? ''
  const signedIn = session.isCitizen

  useEffect(() => {
    if (signedIn && id) void cases.loadCase(id)
  }, [signedIn, id, cases])

  if (session.restored && !signedIn) {
    return (
      <PageShell name="case-detail">
        <View className="card">
          <Text className="muted">请先登录后查看办件详情。</Text>
          <Text className="card__title" onClick={() => void Taro.navigateTo({ url: routes.login })}>
            去登录 ›
          </Text>
        </View>
      </PageShell>
    )
  }
  const detail = cases.caseById(id)
  const { status, error } = cases.detailStatus(id)
  if (!id) return <LoadState status="error" error="缺少办件编号" />
  if (!detail) {
    return (
      <PageShell name="case-detail">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error} onRetry={() => void cases.loadCase(id)} rows={6} />
      </PageShell>
    )
  }

  return (
    <PageShell name="case-detail">
      <CaseHeader detail={detail} />
      <PaymentEntry caseId={detail.id} />
      <RateEntry caseId={detail.id} />
      <DeliveryInfo delivery={detail.delivery} />
      <View className="card">
        <Text className="card__title">办理进度</Text>
        <CaseTimeline steps={detail.steps} />
      </View>
      <View className="card case-complaint-entry" onClick={() => void Taro.navigateTo({ url: complaintRoutes.new({ caseId: detail.id }) })}>
        <Text className="muted">对办理有意见？</Text>
        <Text className="card__title">对此件投诉 ›</Text>
      </View>
      {detail.allowedActions.includes('withdraw') ? (
        <WithdrawForm
          what="申请"
          onWithdraw={async (reason) => {
            await cases.withdraw(detail.id, reason)
            toast('已撤回')
          }}
        />
      ) : null}
    </PageShell>
  )
})

export default CaseDetailPage
