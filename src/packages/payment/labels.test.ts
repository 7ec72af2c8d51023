import { FEE_ORDER_STATUSES, PAY_METHODS, REFUND_STATUSES } from '../../../types/enums'
import { FEE_STATUS_LABELS, PAY_METHOD_LABELS, REFUND_STATUS_LABELS, feeStatusText } from './labels'

it('copies the contract’s labels exactly', () => {
  expect(FEE_STATUS_LABELS).toEqual(FEE_ORDER_STATUSES)
  expect(PAY_METHOD_LABELS).toEqual(PAY_METHODS)
  expect(REFUND_STATUS_LABELS).toEqual(REFUND_STATUSES)
})

it('reads a payment being confirmed as 支付确认中, not as unpaid', () => {
  expect(feeStatusText('paying')).toBe('支付确认中')
  expect(feeStatusText('unpaid')).toBe('待缴费')
  expect(feeStatusText('paid')).toBe('已缴费')
})
