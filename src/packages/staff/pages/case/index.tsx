import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { CASE_STATUSES, DELIVERY_MODES, type CaseStatus } from '../../../../../types/enums'
import { CaseTimeline } from '../../../../components/CaseTimeline'
import { formatDateTime } from '../../../../components/format'
import { LightBadge } from '../../../../components/LightBadge'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { toast } from '../../../../navigation'
import { useStaffCases } from '../../useStaffCases'
import { useStaffGuard } from '../../useStaffGuard'
import { ActionPanel } from './ActionPanel'
import { MailForm } from './MailForm'
import './index.scss'

/**
 * The server accepts courier + tracking number only for a mailed result after
 * 办结通过; the contract has no flag saying so (allowedActions lists status
 * changes only), so the form follows the same rule and the server's 409 stays authoritative.
 */
const PASSED: readonly CaseStatus[] = ['approved', 'approvedWithTolerance']

/** A case at the window: facts, the actions the server allows now, delivery, and the timeline. */
const StaffCasePage = observer(function StaffCasePage() {
  const staffCases = useStaffCases()
  const allowed = useStaffGuard()
  const id = useRouter().params.id ?? ''

  useEffect(() => {
    // Always fresh: a colleague may have acted on it.
    if (allowed && id) void staffCases.loadCase(id)
  }, [allowed, id, staffCases])

  const detail = staffCases.caseById(id)
  const { status, error } = staffCases.detailStatus(id)
  if (!allowed || !detail) {
    return (
      <PageShell name="staff-case">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error} onRetry={() => void staffCases.loadCase(id)} rows={6} />
      </PageShell>
    )
  }
  const { delivery } = detail
  const staffActions = detail.allowedActions.filter((action) => action !== 'withdraw')

  return (
    <PageShell name="staff-case">
      <View className="card staff-case__head">
        <Text className="card__title">{detail.matter.name}</Text>
        <Text className="muted">
          {detail.number} · 收件 {formatDateTime(detail.createdAt)}
          {detail.acceptedAt ? ` · 受理 ${formatDateTime(detail.acceptedAt)}` : ''}
        </Text>
        <Text className="muted">
          申请人 {detail.applicantNameMasked} · {detail.applicantPhoneMasked}
          {detail.applicantIdNumberMasked ? ` · ${detail.applicantIdNumberMasked}` : ''}
        </Text>
        <View className="staff-case__status">
          <Text className="staff-case__status-label">{CASE_STATUSES[detail.status]}</Text>
          <LightBadge deadline={detail.deadline} />
        </View>
        {detail.deadline ? <Text className="muted">办结期限 {formatDateTime(detail.deadline.dueAt)}</Text> : null}
      </View>
      <ActionPanel
        key={detail.status}
        actions={staffActions}
        onAct={async (action, comment) => {
          await staffCases.act(detail.id, action, comment)
          toast('已提交')
        }}
      />
      <View className="card">
        <Text className="card__title">缴费</Text>
        <Button size="small" type="primary" fill="outline" onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/fee-order/index?caseId=${encodeURIComponent(detail.id)}` })}>
          开具缴费单
        </Button>
      </View>
      <View className="card">
        <Text className="card__title">结果送达 · {DELIVERY_MODES[delivery.mode]}</Text>
        {delivery.addressMasked ? <Text className="muted staff-case__line">邮寄地址 {delivery.addressMasked}</Text> : null}
        {delivery.trackingNumber ? (
          <Text className="muted staff-case__line">
            {delivery.courier} · 运单号 {delivery.trackingNumber}
          </Text>
        ) : null}
        {delivery.mode === 'mail' && !PASSED.includes(detail.status) ? (
          <Text className="muted staff-case__line">办结通过后登记快递公司和运单号。</Text>
        ) : null}
        {delivery.mode === 'mail' && PASSED.includes(detail.status) ? (
          <MailForm
            onSave={async (courier, trackingNumber) => {
              await staffCases.setDelivery(detail.id, courier, trackingNumber)
              toast('已登记寄件信息')
            }}
          />
        ) : null}
      </View>
      <View className="card">
        <Text className="card__title">办理记录</Text>
        <CaseTimeline steps={detail.steps} />
      </View>
    </PageShell>
  )
})

export default StaffCasePage
