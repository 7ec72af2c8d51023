import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { formatDateTime, formatFen } from '../../../../components/format'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { QrCode } from '../../../../components/QrCode'
import { toast } from '../../../../navigation'
import { useStores } from '../../../../stores/context'
import { FeeOrderFacts } from '../../components/FeeOrderFacts'
import { SignInFirst } from '../../components/SignInFirst'
import { MONEY_TAKEN, REFUND_STATUS_LABELS, feeStatusText } from '../../labels'
import { paymentPages } from '../../routes'
import { usePayment } from '../../usePayment'
import './index.scss'

/**
 * One fee order (缴款单): amount, lines, 限缴日期 and the server's status; 立即缴费
 * the way this device pays (pay sheet / WeChat's cashier / a QR code polled
 * until paid); the receipt once paid.
 */
const FeeOrderPage = observer(function FeeOrderPage() {
  const { session } = useStores()
  const payment = usePayment()
  const id = useRouter().params.id ?? ''
  const signedIn = session.isCitizen

  useEffect(() => {
    if (signedIn && id) void payment.loadOrder(id)
  }, [signedIn, id, payment])
  // Back on the page: ask again (a notification may have settled it meanwhile).
  useDidShow(() => {
    if (!signedIn || !id || !payment.orderById(id)) return
    // A QR code still on screen is polled again; otherwise one fresh read.
    if (payment.qr?.orderId === id) payment.watch(id, Date.parse(payment.qr.expiresAt))
    else void payment.loadOrder(id)
  })
  useDidHide(() => payment.stopWatching())
  useEffect(
    () => () => {
      payment.stopWatching()
      payment.closeQr()
    },
    [payment],
  )

  if (session.restored && !signedIn) {
    return (
      <PageShell name="fee-order">
        <SignInFirst />
      </PageShell>
    )
  }
  const order = payment.orderById(id)
  const { status, error } = payment.orderStatus(id)
  if (!order) {
    return (
      <PageShell name="fee-order">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error ?? (id ? null : '缺少缴款单')} onRetry={() => void payment.loadOrder(id)} rows={6} />
      </PageShell>
    )
  }
  const qr = payment.qr?.orderId === id ? payment.qr : null
  const paid = MONEY_TAKEN.includes(order.status)

  const pay = async () => {
    const outcome = await payment.pay(id)
    if (outcome.kind === 'error') toast(outcome.message)
    else if (outcome.kind === 'cancelled') toast('已取消支付')
    else if (outcome.kind === 'paid') void Taro.redirectTo({ url: paymentPages.result(id) })
  }

  return (
    <PageShell name="fee-order">
      <View className="card">
        <View className="fee-order__head">
          <Text className="card__title">缴款单</Text>
          <Text className={`fee-order__status fee-order__status--${order.status}`}>{feeStatusText(order.status)}</Text>
        </View>
        <FeeOrderFacts {...order} deadline={order.deadline} />
        <Text className="muted">缴款人 {order.payerName} · 办件 {order.caseNumber}</Text>
        {order.paidAt ? <Text className="muted">缴费时间 {formatDateTime(order.paidAt)}</Text> : null}
        {order.cancelReason ? <Text className="muted">撤销原因 {order.cancelReason}</Text> : null}
        {order.refunds.map((r) => (
          <Text key={r.outRefundNo} className="muted">
            退款 {formatFen(r.amountFen)} · {REFUND_STATUS_LABELS[r.status]}
            {r.succeededAt ? ` · ${formatDateTime(r.succeededAt)}` : ''}
          </Text>
        ))}
      </View>
      {order.status === 'paying' && !qr ? <Text className="muted fee-order__hint">正在向微信支付确认结果，已支付的款项不会重复扣取。</Text> : null}
      {qr ? (
        <View className="card fee-order__qr">
          <Text className="card__title">请使用微信扫一扫支付</Text>
          <QrCode text={qr.codeUrl} />
          <Text className="muted">二维码有效至 {formatDateTime(qr.expiresAt)}，支付后本页自动更新</Text>
        </View>
      ) : null}
      <View className="fee-order__actions">
        {order.canPay && !qr ? (
          <Button type="primary" block size="large" loading={payment.starting === id} onClick={() => void pay()}>
            {order.status === 'paying' ? '重新发起支付' : `立即缴费 ${formatFen(order.amountFen)}`}
          </Button>
        ) : null}
        {paid ? (
          <Button type="primary" block size="large" onClick={() => void Taro.navigateTo({ url: paymentPages.receipt(id) })}>
            查看电子票据
          </Button>
        ) : null}
      </View>
    </PageShell>
  )
})

export default FeeOrderPage
