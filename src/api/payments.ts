import type { CitizenFeeOrderQuery, FeeOrderDetail, FeeOrderPage, PayRequest, PayStart, PaymentReceipt } from '../../types/payments'
import { body, http } from './http'

const path = (id: string) => `/api/payments/${encodeURIComponent(id)}`

/** GET /api/payments?caseId= — fee orders (缴款单) of my cases, newest first. */
export function listFeeOrders(query: CitizenFeeOrderQuery = {}): Promise<FeeOrderPage> {
  return body(http.get<FeeOrderPage>('/api/payments', { params: query }))
}

/** GET /api/payments/:id — while a payment is open the server asks WeChat Pay first, so this settles it. */
export function getFeeOrder(id: string): Promise<FeeOrderDetail> {
  return body(http.get<FeeOrderDetail>(path(id)))
}

/** POST /api/payments/:id/pay — jsapi → signed requestPayment params; h5 → h5Url; native → codeUrl. */
export function startPayment(id: string, request: PayRequest): Promise<PayStart> {
  return body(http.post<PayStart>(`${path(id)}/pay`, request))
}

/** GET /api/payments/:id/receipt — the 电子票据 view; 409 until paid. */
export function getPaymentReceipt(id: string): Promise<PaymentReceipt> {
  return body(http.get<PaymentReceipt>(`${path(id)}/receipt`))
}

/**
 * The citizen's payment calls as one group. Not part of `api` (index.ts): only
 * the payment (and cases) subpackages use them, and the main package has no room.
 */
export const paymentsApi = {
  list: listFeeOrders,
  get: getFeeOrder,
  pay: startPayment,
  receipt: getPaymentReceipt,
}

export type PaymentsApi = typeof paymentsApi
