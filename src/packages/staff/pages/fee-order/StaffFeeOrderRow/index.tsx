import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { FeeOrderDetail } from '../../../../../../types/payments'
import { userMessage } from '../../../../../api/ApiError'
import { formatDateTime, formatFen } from '../../../../../components/format'
import { FEE_STATUS_LABELS, REFUND_STATUS_LABELS } from '../../../../payment/labels'
import './index.scss'

interface Props {
  order: FeeOrderDetail
  onCancel: (reason: string) => Promise<void>
  onRefund: (reason: string) => Promise<void>
}

/** One order: number, amount, status, refunds; 撤销 / 退款 with a reason when the server allows them. */
export function StaffFeeOrderRow({ order, onCancel, onRefund }: Props) {
  const [acting, setActing] = useState<'cancel' | 'refund' | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await (acting === 'cancel' ? onCancel(reason) : onRefund(reason))
      setActing(null)
      setReason('')
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="staff-fee-row">
      <View className="staff-fee-row__head">
        <Text className="staff-fee-row__amount">{formatFen(order.amountFen)}</Text>
        <Text className="staff-fee-row__status">{FEE_STATUS_LABELS[order.status]}</Text>
      </View>
      <Text className="muted">
        缴款单号 {order.noticeNumber} · 限缴 {order.deadline}
      </Text>
      <Text className="muted">{order.items.map((i) => `${i.name}${i.quantity > 1 ? `×${i.quantity}` : ''}`).join('、')}</Text>
      {order.paidAt ? <Text className="muted">缴费 {formatDateTime(order.paidAt)}</Text> : null}
      {order.cancelReason ? <Text className="muted">撤销原因 {order.cancelReason}</Text> : null}
      {order.refunds.map((r) => (
        <Text key={r.outRefundNo} className="muted">
          退款 {formatFen(r.amountFen)} · {REFUND_STATUS_LABELS[r.status]} · {r.reason}
        </Text>
      ))}
      {acting ? (
        <View className="staff-fee-row__act">
          <Input name="reason" placeholder={acting === 'cancel' ? '撤销原因' : '退款原因'} value={reason} maxLength={acting === 'cancel' ? 200 : 80} onChange={setReason} />
          {error ? <Text className="form-field__error">{error}</Text> : null}
          <View className="staff-fee-row__buttons">
            <Button size="small" type="primary" loading={busy} onClick={() => void confirm()}>
              {acting === 'cancel' ? '确认撤销' : '确认退款'}
            </Button>
            <Button size="small" fill="outline" onClick={() => setActing(null)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className="staff-fee-row__buttons">
          {order.canCancel ? (
            <Button size="small" fill="outline" type="danger" onClick={() => setActing('cancel')}>
              撤销
            </Button>
          ) : null}
          {order.canRefund ? (
            <Button size="small" fill="outline" type="danger" onClick={() => setActing('refund')}>
              退款
            </Button>
          ) : null}
        </View>
      )}
    </View>
  )
}
