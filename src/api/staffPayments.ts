import type {
  CancelFeeOrderRequest,
  CreateFeeOrderRequest,
  FeeItemsOfCase,
  FeeOrderDetail,
  FeeOrderPage,
  RefundFeeOrderRequest,
  StaffFeeOrderQuery,
} from '../../types/payments'
import { body, http } from './http'

const path = (id: string) => `/api/staff/payments/${encodeURIComponent(id)}`

/** GET /api/staff/payments?caseId=&status= — the department's fee orders, newest first. */
export function listStaffFeeOrders(query: StaffFeeOrderQuery = {}): Promise<FeeOrderPage> {
  return body(http.get<FeeOrderPage>('/api/staff/payments', { params: query }))
}

/** GET /api/staff/payments/fee-items?caseId= — the matter's published fee items, to prefill an order. */
export function getCaseFeeItems(caseId: string): Promise<FeeItemsOfCase> {
  return body(http.get<FeeItemsOfCase>('/api/staff/payments/fee-items', { params: { caseId } }))
}

/** POST /api/staff/payments — 开具缴费单; a repeated clientKey answers the order already made. */
export function createFeeOrder(request: CreateFeeOrderRequest): Promise<FeeOrderDetail> {
  return body(http.post<FeeOrderDetail>('/api/staff/payments', request))
}

/** GET /api/staff/payments/:id */
export function getStaffFeeOrder(id: string): Promise<FeeOrderDetail> {
  return body(http.get<FeeOrderDetail>(path(id)))
}

/** POST /api/staff/payments/:id/cancel — unpaid/paying only; 409 when it turns out paid. */
export function cancelFeeOrder(id: string, request: CancelFeeOrderRequest): Promise<FeeOrderDetail> {
  return body(http.post<FeeOrderDetail>(`${path(id)}/cancel`, request))
}

/** POST /api/staff/payments/:id/refund — leads of the department and admins; paid only. */
export function refundFeeOrder(id: string, request: RefundFeeOrderRequest): Promise<FeeOrderDetail> {
  return body(http.post<FeeOrderDetail>(`${path(id)}/refund`, request))
}

/** The staff payment calls as one group; not on `api` (only the staff subpackage uses them). */
export const staffPaymentsApi = {
  list: listStaffFeeOrders,
  feeItems: getCaseFeeItems,
  create: createFeeOrder,
  get: getStaffFeeOrder,
  cancel: cancelFeeOrder,
  refund: refundFeeOrder,
}

export type StaffPaymentsApi = typeof staffPaymentsApi
