/**
 * The payment subpackage's pages. Not in src/routes.ts: only subpackages link
 * here (cases, payment), so these strings stay out of the main package.
 */
const ROOT = '/packages/payment/pages'

/** Where WeChat's H5 cashier returns to (the server appends ?orderId=; must be in PAYMENT_RETURN_PATHS). */
export const PAYMENT_RETURN_PATH = `${ROOT}/result/index`

export const paymentPages = {
  order: (orderId: string) => `${ROOT}/order/index?id=${encodeURIComponent(orderId)}`,
  result: (orderId: string) => `${PAYMENT_RETURN_PATH}?orderId=${encodeURIComponent(orderId)}`,
  receipt: (orderId: string) => `${ROOT}/receipt/index?id=${encodeURIComponent(orderId)}`,
} as const
