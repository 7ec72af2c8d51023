import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { formatFen } from '../../../../components/format'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { caseRoutes } from '../../../../routes'
import { useStores } from '../../../../stores/context'
import { SignInFirst } from '../../components/SignInFirst'
import { MONEY_TAKEN } from '../../labels'
import { paymentPages } from '../../routes'
import { usePayment } from '../../usePayment'
import './index.scss'

/**
 * Where WeChat's H5 cashier (and the pay sheet) come back to: re-reads the
 * order — the server asks WeChat Pay — and keeps asking while it is being
 * confirmed. Only the server's "unpaid" reads as 未完成支付.
 */
const PaymentResultPage = observer(function PaymentResultPage() {
  const { session } = useStores()
  const payment = usePayment()
  const id = useRouter().params.orderId ?? ''
  const signedIn = session.isCitizen

  useEffect(() => {
    if (signedIn && id) void payment.afterReturn(id)
    return () => payment.stopWatching()
  }, [signedIn, id, payment])

  if (session.restored && !signedIn) {
    return (
      <PageShell name="pay-result">
        <SignInFirst />
      </PageShell>
    )
  }
  const order = payment.orderById(id)
  const { status, error } = payment.orderStatus(id)
  if (!order) {
    return (
      <PageShell name="pay-result">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error ?? (id ? null : '缺少缴款单')} onRetry={() => void payment.afterReturn(id)} />
      </PageShell>
    )
  }

  let title = '未完成支付'
  let note = '款项未扣取，可返回缴款单重新支付。'
  let tone = 'open'
  if (MONEY_TAKEN.includes(order.status)) {
    title = '缴费成功'
    note = `${order.matterName} · 缴款单号 ${order.noticeNumber}`
    tone = 'paid'
  } else if (order.status === 'paying') {
    title = '支付确认中'
    note = payment.watching === id ? '正在向微信支付确认结果，请稍候…' : '尚未收到微信支付的结果，可稍后刷新；已支付的款项不会丢失。'
    tone = 'paying'
  } else if (order.status === 'expired' || order.status === 'cancelled') {
    title = order.status === 'expired' ? '缴款单已过期' : '缴款单已撤销'
    note = '如需缴费，请联系办理窗口。'
  }

  return (
    <PageShell name="pay-result">
      <View className={`card pay-result pay-result--${tone}`}>
        <Text className="pay-result__title">{title}</Text>
        <Text className="pay-result__amount">{formatFen(order.amountFen)}</Text>
        <Text className="muted">{note}</Text>
      </View>
      <View className="pay-result__actions">
        {tone === 'paid' ? (
          <Button type="primary" block size="large" onClick={() => void Taro.redirectTo({ url: paymentPages.receipt(id) })}>
            查看电子票据
          </Button>
        ) : null}
        {tone === 'paying' && payment.watching !== id ? (
          <Button type="primary" block size="large" onClick={() => void payment.afterReturn(id)}>
            刷新结果
          </Button>
        ) : null}
        {tone === 'open' ? (
          <Button type="primary" block size="large" onClick={() => void Taro.redirectTo({ url: paymentPages.order(id) })}>
            返回缴款单
          </Button>
        ) : null}
        <Button block size="large" fill="outline" onClick={() => void Taro.redirectTo({ url: caseRoutes.detail(order.caseId) })}>
          查看办件
        </Button>
      </View>
    </PageShell>
  )
})

export default PaymentResultPage
