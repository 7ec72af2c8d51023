import type { FeeOrderStatus, PayMethod, RefundStatus } from '../../../types/enums'

/*
 * Copies of the contract's labels (types/enums.ts), checked equal by
 * labels.test.ts: importing them from there would keep them in the main package.
 */

export const FEE_STATUS_LABELS: Record<FeeOrderStatus, string> = {
  unpaid: '待缴费',
  paying: '支付中',
  paid: '已缴费',
  expired: '已过期',
  cancelled: '已撤销',
  refunding: '退款中',
  refunded: '已退款',
}

export const PAY_METHOD_LABELS: Record<PayMethod, string> = {
  jsapi: '微信支付（小程序）',
  h5: '微信支付（H5）',
  native: '微信扫码支付',
}

/**
 * What a citizen reads for a status. A payment the server is still confirming
 * with WeChat Pay is 支付确认中 — never anything that reads as unpaid.
 */
export function feeStatusText(status: FeeOrderStatus): string {
  return status === 'paying' ? '支付确认中' : FEE_STATUS_LABELS[status]
}

/** Money was taken for these: nothing the app hears later may show them as unpaid again. */
export const MONEY_TAKEN: readonly FeeOrderStatus[] = ['paid', 'refunding', 'refunded']

/** Nothing more will happen to these by themselves (polling stops). */
export const SETTLED: readonly FeeOrderStatus[] = ['paid', 'expired', 'cancelled', 'refunding', 'refunded']

export const REFUND_STATUS_LABELS: Record<RefundStatus, string> = {
  processing: '退款处理中',
  success: '退款成功',
  closed: '退款关闭',
  abnormal: '退款异常',
}
