/** Fee order rows → the contract's views. Payer names are always masked. */
import type { FeeOrderDetail, FeeOrderSummary, PaymentReceipt, RefundView } from '../../../../types/payments'
import { maskName } from '../../../../types/validators'
import type { PaymentRefundRow } from '../../db/schema'
import type { FeeOrderRecord } from './feeOrderRecords'

export interface Capabilities {
  canPay: boolean
  canCancel: boolean
  canRefund: boolean
}

export function toSummary(r: FeeOrderRecord): FeeOrderSummary {
  return {
    id: r.id,
    noticeNumber: r.noticeNumber,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    matterName: r.matterName,
    departmentName: r.departmentName,
    amountFen: r.amountFen,
    deadline: r.deadline,
    status: r.status,
    paidAt: r.paidAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }
}

const toRefundView = (r: PaymentRefundRow): RefundView => ({
  outRefundNo: r.outRefundNo,
  amountFen: r.amountFen,
  status: r.status,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
  succeededAt: r.succeededAt?.toISOString() ?? null,
})

export function toDetail(r: FeeOrderRecord, refunds: PaymentRefundRow[], can: Capabilities): FeeOrderDetail {
  return {
    ...toSummary(r),
    items: r.items,
    payerName: maskName(r.applicantName),
    payMethod: r.payMethod,
    transactionId: r.transactionId,
    cancelReason: r.cancelReason,
    refunds: refunds.map(toRefundView),
    ...can,
  }
}

export function toReceipt(r: FeeOrderRecord): PaymentReceipt {
  return {
    orderId: r.id,
    noticeNumber: r.noticeNumber,
    caseNumber: r.caseNumber,
    matterName: r.matterName,
    departmentName: r.departmentName,
    payerName: maskName(r.applicantName),
    items: r.items,
    amountFen: r.amountFen,
    payMethod: r.payMethod!,
    paidAt: r.paidAt!.toISOString(),
    transactionId: r.transactionId!,
    status: r.status,
  }
}
