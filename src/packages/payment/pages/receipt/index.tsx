import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { formatDateTime } from '../../../../components/format'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { FeeOrderFacts } from '../../components/FeeOrderFacts'
import { SignInFirst } from '../../components/SignInFirst'
import { FEE_STATUS_LABELS, PAY_METHOD_LABELS } from '../../labels'
import { usePayment } from '../../usePayment'
import './index.scss'

/** 电子票据 view of a paid order: who collected, who paid, the lines, when and how. Refunded receipts say so. */
const ReceiptPage = observer(function ReceiptPage() {
  const { session } = useStores()
  const payment = usePayment()
  const id = useRouter().params.id ?? ''
  const signedIn = session.isCitizen

  useEffect(() => {
    if (signedIn && id) void payment.loadReceipt(id)
  }, [signedIn, id, payment])

  if (session.restored && !signedIn) {
    return (
      <PageShell name="pay-receipt">
        <SignInFirst />
      </PageShell>
    )
  }
  const receipt = payment.receiptById(id)
  const { status, error } = payment.receiptStatus(id)
  if (!receipt) {
    return (
      <PageShell name="pay-receipt">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error} onRetry={() => void payment.loadReceipt(id)} rows={8} />
      </PageShell>
    )
  }
  const rows: Array<[string, string]> = [
    ['执收单位', receipt.departmentName],
    ['缴款人', receipt.payerName],
    ['办件编号', receipt.caseNumber],
    ['支付方式', PAY_METHOD_LABELS[receipt.payMethod]],
    ['缴费时间', formatDateTime(receipt.paidAt)],
    ['交易单号', receipt.transactionId],
  ]
  return (
    <PageShell name="pay-receipt">
      <View className="card pay-receipt">
        <Text className="pay-receipt__title">缴费电子票据</Text>
        {receipt.status !== 'paid' ? <Text className="pay-receipt__stamp">{FEE_STATUS_LABELS[receipt.status]}</Text> : null}
        <FeeOrderFacts {...receipt} />
        {rows.map(([label, value]) => (
          <View key={label} className="pay-receipt__row">
            <Text className="muted">{label}</Text>
            <Text className="pay-receipt__value">{value}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
})

export default ReceiptPage
