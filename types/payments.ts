/**
 * Payment (缴费): fee orders (缴款单) on a case, paid with WeChat Pay v3, with
 * refunds and a receipt (电子票据 view). Amounts are integer fen (分); the app
 * shows them as ¥ with 2 decimals. WeChat Pay's record is authoritative: the
 * server asks it (queryOrder) whenever an order is in `paying`, so the app
 * never shows "unpaid" for money that was taken.
 *
 * Routes (all answer 4xx with ApiError; Chinese messages):
 *
 * Citizen (Authorization: Bearer <citizen token>; only orders on the citizen's own cases):
 * - GET  /api/payments?caseId=&page&pageSize          → FeeOrderPage      (newest first)
 * - GET  /api/payments/:id                            → FeeOrderDetail    (paying → settled with WeChat Pay first)
 * - POST /api/payments/:id/pay  PayRequest            → PayStart          (429 over PAYMENT_START_HOURLY_LIMIT;
 *                                                                           409 paid/expired/cancelled; jsapi needs a WeChat sign-in)
 * - GET  /api/payments/:id/receipt                    → PaymentReceipt    (409 until paid)
 *
 * WeChat Pay (no login; signature-verified over the raw body):
 * - POST /api/payments/wechat/notify  (payment TRANSACTION.* and refund REFUND.* notifications)
 *                                                     → 204; 401 signature/serial/timestamp, 400 undecryptable or
 *                                                       not matching an order ({ code: 'FAIL', message }); repeats → 204
 *
 * Staff (Authorization: Bearer <staff token>; window staff and leads of the case's department; admin all):
 * - GET  /api/staff/payments?caseId=&status=&page&pageSize → FeeOrderPage
 * - GET  /api/staff/payments/fee-items?caseId=        → FeeItemsOfCase    (the matter's fee items, to prefill)
 * - POST /api/staff/payments  CreateFeeOrderRequest   → 201 FeeOrderDetail (200 with the same order for a repeated clientKey)
 * - GET  /api/staff/payments/:id                      → FeeOrderDetail
 * - POST /api/staff/payments/:id/cancel  CancelFeeOrderRequest → FeeOrderDetail (unpaid/paying only; closed at WeChat Pay;
 *                                                                   409 when it turns out paid)
 * - POST /api/staff/payments/:id/refund  RefundFeeOrderRequest → FeeOrderDetail (lead of the department or admin; paid only;
 *                                                                   idempotent: one refund number per payment)
 *
 * Automatic: when a case with a paid order ends refused (不受理/不予受理/办结不通过/撤回/撤销), the reconcile
 * job refunds it; the citizen is told in the message centre (kind paymentDue for new orders, caseStep otherwise)
 * and every payment event is a step on the case timeline.
 */
import { Type, type Static, type TSchema } from 'typebox'
import { FEE_ORDER_STATUSES, PAY_METHODS, REFUND_STATUSES, keysOf } from './enums'
import { PageInfo, PageQuery, Uuid } from './common'

export const FeeOrderStatusSchema = Type.Enum(keysOf(FEE_ORDER_STATUSES))
export const PayMethodSchema = Type.Enum(keysOf(PAY_METHODS))
export const RefundStatusSchema = Type.Enum(keysOf(REFUND_STATUSES))

const Instant = Type.String({ format: 'date-time' })
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
export const PaymentDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'YYYY-MM-DD (Asia/Shanghai)' })

/** One line of a fee order. */
export const FeeOrderItem = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  /** Price of one unit, in fen. */
  unitFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
  quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
  unit: Type.String({ maxLength: 10, description: 'e.g. 每本, 每件; may be empty' }),
})
export type FeeOrderItem = Static<typeof FeeOrderItem>

export const RefundView = Type.Object({
  outRefundNo: Type.String(),
  amountFen: Type.Integer(),
  status: RefundStatusSchema,
  reason: Type.String(),
  createdAt: Instant,
  succeededAt: Nullable(Instant),
})
export type RefundView = Static<typeof RefundView>

/** A fee order in lists. */
export const FeeOrderSummary = Type.Object({
  id: Uuid,
  /** 缴款单号 */
  noticeNumber: Type.String(),
  caseId: Uuid,
  caseNumber: Type.String(),
  matterName: Type.String(),
  departmentName: Type.String(),
  amountFen: Type.Integer({ minimum: 1 }),
  /** 限缴日期: payable through the end of this day (Asia/Shanghai). */
  deadline: PaymentDate,
  status: FeeOrderStatusSchema,
  paidAt: Nullable(Instant),
  createdAt: Instant,
})
export type FeeOrderSummary = Static<typeof FeeOrderSummary>

export const FeeOrderDetail = Type.Object({
  ...FeeOrderSummary.properties,
  items: Type.Array(FeeOrderItem),
  /** Applicant name, masked (张*丰). */
  payerName: Type.String(),
  payMethod: Nullable(PayMethodSchema),
  /** WeChat Pay transaction id once paid. */
  transactionId: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  refunds: Type.Array(RefundView),
  /** What the caller may do now; the server decides. */
  canPay: Type.Boolean(),
  canCancel: Type.Boolean(),
  canRefund: Type.Boolean(),
})
export type FeeOrderDetail = Static<typeof FeeOrderDetail>

export const FeeOrderPage = Type.Object({ items: Type.Array(FeeOrderSummary), ...PageInfo })
export type FeeOrderPage = Static<typeof FeeOrderPage>

export const CitizenFeeOrderQuery = Type.Object({ caseId: Type.Optional(Uuid), ...PageQuery })
export type CitizenFeeOrderQuery = Static<typeof CitizenFeeOrderQuery>

export const StaffFeeOrderQuery = Type.Object({ caseId: Type.Optional(Uuid), status: Type.Optional(FeeOrderStatusSchema), ...PageQuery })
export type StaffFeeOrderQuery = Static<typeof StaffFeeOrderQuery>

// ---- staff ----

export const FeeItemsQuery = Type.Object({ caseId: Uuid })
export type FeeItemsQuery = Static<typeof FeeItemsQuery>

/** The matter's published fee items (办事指南 收费), as order lines with quantity 1. */
export const FeeItemsOfCase = Type.Object({
  caseId: Uuid,
  matterName: Type.String(),
  feeCharged: Type.Boolean(),
  feeBasis: Type.String(),
  items: Type.Array(FeeOrderItem),
})
export type FeeItemsOfCase = Static<typeof FeeItemsOfCase>

export const CreateFeeOrderRequest = Type.Object({
  caseId: Uuid,
  items: Type.Array(FeeOrderItem, { minItems: 1, maxItems: 20 }),
  /** 限缴日期, today or later (Asia/Shanghai). */
  deadline: PaymentDate,
  /** A repeat with the same key answers the order already made (double taps, retries). */
  clientKey: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
})
export type CreateFeeOrderRequest = Static<typeof CreateFeeOrderRequest>

export const CancelFeeOrderRequest = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) })
export type CancelFeeOrderRequest = Static<typeof CancelFeeOrderRequest>

export const RefundFeeOrderRequest = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 80 }) })
export type RefundFeeOrderRequest = Static<typeof RefundFeeOrderRequest>

// ---- citizen ----

export const PayRequest = Type.Object({
  method: PayMethodSchema,
  /**
   * h5 only: the app page WeChat's cashier returns to, e.g. '/packages/payment/pages/result/index'.
   * Must be one of PAYMENT_RETURN_PATHS; the server appends ?orderId=<id>.
   */
  returnPath: Type.Optional(Type.String({ maxLength: 200 })),
})
export type PayRequest = Static<typeof PayRequest>

/** Exactly the fields Taro.requestPayment / wx.requestPayment take, signed by the server (RSA-SHA256 paySign). */
export const MiniProgramPayParams = Type.Object({
  timeStamp: Type.String(),
  nonceStr: Type.String(),
  package: Type.String({ description: 'prepay_id=…' }),
  signType: Type.Literal('RSA'),
  paySign: Type.String(),
})
export type MiniProgramPayParams = Static<typeof MiniProgramPayParams>

/**
 * What the app does next: jsapi → call requestPayment(params), then GET the order;
 * h5 → navigate to h5Url (WeChat's cashier; it returns to returnPath);
 * native → show codeUrl as a QR code and poll GET /api/payments/:id every few seconds until paid or expiresAt.
 */
export const PayStart = Type.Object({
  orderId: Uuid,
  method: PayMethodSchema,
  amountFen: Type.Integer(),
  params: Type.Optional(MiniProgramPayParams),
  h5Url: Type.Optional(Type.String()),
  codeUrl: Type.Optional(Type.String()),
  /** After this the started payment can no longer be completed; start again. */
  expiresAt: Instant,
})
export type PayStart = Static<typeof PayStart>

/** 电子票据 view of a paid order. */
export const PaymentReceipt = Type.Object({
  orderId: Uuid,
  noticeNumber: Type.String(),
  caseNumber: Type.String(),
  matterName: Type.String(),
  /** 执收单位 */
  departmentName: Type.String(),
  /** Masked payer (applicant) name. */
  payerName: Type.String(),
  items: Type.Array(FeeOrderItem),
  amountFen: Type.Integer(),
  payMethod: PayMethodSchema,
  paidAt: Instant,
  transactionId: Type.String(),
  /** Refunded receipts stay viewable and say so. */
  status: FeeOrderStatusSchema,
})
export type PaymentReceipt = Static<typeof PaymentReceipt>

/** The answer to WeChat Pay on a notification it must resend (its documented failure body). */
export const WechatPayNotifyFailure = Type.Object({ code: Type.Literal('FAIL'), message: Type.String() })
export type WechatPayNotifyFailure = Static<typeof WechatPayNotifyFailure>
