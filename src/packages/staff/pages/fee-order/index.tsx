import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { toast } from '../../../../navigation'
import { useStaffGuard } from '../../useStaffGuard'
import { useStaffPayments } from '../../useStaffPayments'
import { FeeOrderForm } from './FeeOrderForm'
import { StaffFeeOrderRow } from './StaffFeeOrderRow'
import './index.scss'

/** 开具缴费单 on a case (from the matter's fee items or typed lines) and the case's orders with 撤销 / 退款. */
const StaffFeeOrderPage = observer(function StaffFeeOrderPage() {
  const payments = useStaffPayments()
  const allowed = useStaffGuard()
  const caseId = useRouter().params.caseId ?? ''

  useEffect(() => {
    if (!allowed || !caseId) return
    void payments.loadCaseOrders(caseId)
    void payments.loadFeeItems(caseId)
  }, [allowed, caseId, payments])

  const list = payments.listStatus(caseId)
  const feeItems = payments.feeItemsOf(caseId)
  const itemsStatus = payments.feeItemsStatus(caseId)
  const orders = payments.ordersOfCase(caseId)

  return (
    <PageShell name="staff-fee-order">
      <View className="card">
        <Text className="card__title">开具缴费单{feeItems ? ` · ${feeItems.matterName}` : ''}</Text>
        {feeItems && !feeItems.feeCharged ? <Text className="muted">办事指南载明本事项不收费，如确需收费请核实依据。</Text> : null}
        {feeItems?.feeBasis ? <Text className="muted">收费依据：{feeItems.feeBasis}</Text> : null}
        {itemsStatus.status === 'error' ? <LoadState status="error" error={itemsStatus.error} onRetry={() => void payments.loadFeeItems(caseId)} /> : null}
        {itemsStatus.status === 'ready' || itemsStatus.status === 'error' ? (
          <FeeOrderForm
            key={feeItems ? 'items' : 'blank'}
            prefill={feeItems?.items ?? []}
            today={payments.today()}
            onCreate={async (draft) => {
              const outcome = await payments.create(caseId, draft)
              if (outcome.ok) toast('缴费单已开具，已通知申请人')
              return outcome
            }}
          />
        ) : (
          <LoadState status="loading" />
        )}
      </View>
      <View className="card">
        <Text className="card__title">本件缴费单</Text>
        {orders.length === 0 && list.status !== 'ready' ? (
          <LoadState status={list.status === 'error' ? 'error' : 'loading'} error={list.error} onRetry={() => void payments.loadCaseOrders(caseId)} />
        ) : null}
        {orders.length === 0 && list.status === 'ready' ? <Text className="muted">尚未开具缴费单。</Text> : null}
        {orders.map((order) => (
          <StaffFeeOrderRow
            key={order.id}
            order={order}
            onCancel={async (reason) => {
              await payments.cancel(order.id, reason)
              toast('已撤销')
            }}
            onRefund={async (reason) => {
              await payments.refund(order.id, reason)
              toast('已发起退款')
            }}
          />
        ))}
      </View>
    </PageShell>
  )
})

export default StaffFeeOrderPage
