import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { formatFen } from '../../../../../components/format'
import { feeStatusText, MONEY_TAKEN } from '../../../../payment/labels'
import { paymentPages } from '../../../../payment/routes'
import { usePayment } from '../../../../payment/usePayment'
import './index.scss'

/**
 * 待缴费 on a case: its fee orders still to pay (or being confirmed), each
 * opening the order; paid ones link to their receipt. Asked again each time
 * the page shows, so a payment made meanwhile shows at once.
 */
export const PaymentEntry = observer(function PaymentEntry({ caseId }: { caseId: string }) {
  const payment = usePayment()
  useEffect(() => void payment.loadCaseOrders(caseId), [payment, caseId])
  useDidShow(() => void payment.loadCaseOrders(caseId))
  const orders = payment.ordersOfCase(caseId).filter((o) => o.status !== 'cancelled' && o.status !== 'expired')
  if (orders.length === 0) return null
  const due = payment.dueOfCase(caseId)
  return (
    <View className="card payment-entry">
      <Text className="payment-entry__title">{due.length ? '待缴费' : '缴费记录'}</Text>
      {orders.map((order) => {
        const paid = MONEY_TAKEN.includes(order.status)
        return (
          <View
            key={order.id}
            className="payment-entry__row"
            onClick={() => void Taro.navigateTo({ url: paid ? paymentPages.receipt(order.id) : paymentPages.order(order.id) })}
          >
            <View className="payment-entry__main">
              <Text className="payment-entry__amount">{formatFen(order.amountFen)}</Text>
              <Text className="muted">
                缴款单号 {order.noticeNumber}
                {paid ? '' : ` · 限缴 ${order.deadline}`}
              </Text>
            </View>
            <Text className={`payment-entry__status payment-entry__status--${order.status}`}>
              {order.status === 'unpaid' ? '去缴费 ›' : `${feeStatusText(order.status)} ›`}
            </Text>
          </View>
        )
      })}
    </View>
  )
})
