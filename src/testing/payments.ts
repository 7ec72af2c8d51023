/**
 * Test helpers for the payment screens: fakes of the citizen and staff
 * payment call groups (each method a jest.fn failing loudly unless told) and
 * contract-shaped fee orders.
 */
import type { PaymentsApi } from '../api/payments'
import type { StaffPaymentsApi } from '../api/staffPayments'
import type { FeeOrderDetail, PayStart, PaymentReceipt } from '../../types/payments'
import type { PayChannel } from '../packages/payment/platform/types'
import type { Timers } from '../packages/payment/PaymentStore'

export type FakePaymentsApi = { [M in keyof PaymentsApi]: PaymentsApi[M] & jest.Mock }
export type FakeStaffPaymentsApi = { [M in keyof StaffPaymentsApi]: StaffPaymentsApi[M] & jest.Mock }

function fakeGroup<T>(name: string, methods: readonly string[]): T {
  return Object.fromEntries(methods.map((m) => [m, jest.fn(() => Promise.reject(new Error(`unexpected call: ${name}.${m}`)))])) as T
}

export const fakePaymentsApi = () => fakeGroup<FakePaymentsApi>('payments', ['list', 'get', 'pay', 'receipt'])
export const fakeStaffPaymentsApi = () => fakeGroup<FakeStaffPaymentsApi>('staffPayments', ['list', 'feeItems', 'create', 'get', 'cancel', 'refund'])

export const PAY_CASE_ID = '00000000-0000-4000-8000-0000000000c1'
export const ORDER_ID = '00000000-0000-4000-8000-0000000000f1'

export function feeOrder(over: Partial<FeeOrderDetail> = {}): FeeOrderDetail {
  return {
    id: ORDER_ID,
    noticeNumber: '330100260000001',
    caseId: PAY_CASE_ID,
    caseNumber: 'PY2026110100001',
    matterName: '护照签发',
    departmentName: '市公安局出入境管理局',
    amountFen: 12050,
    deadline: '2026-12-01',
    status: 'unpaid',
    paidAt: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    items: [
      { name: '护照工本费', unitFen: 12000, quantity: 1, unit: '每本' },
      { name: '邮寄费', unitFen: 50, quantity: 1, unit: '' },
    ],
    payerName: '张*丰',
    payMethod: null,
    transactionId: null,
    cancelReason: null,
    refunds: [],
    canPay: true,
    canCancel: false,
    canRefund: false,
    ...over,
  }
}

export function payStart(over: Partial<PayStart> = {}): PayStart {
  return { orderId: ORDER_ID, method: 'native', amountFen: 12050, expiresAt: '2026-11-22T03:00:00.000Z', codeUrl: 'weixin://wxpay/bizpayurl?pr=abc', ...over }
}

export function paymentReceipt(over: Partial<PaymentReceipt> = {}): PaymentReceipt {
  const order = feeOrder()
  return {
    orderId: ORDER_ID,
    noticeNumber: order.noticeNumber,
    caseNumber: order.caseNumber,
    matterName: order.matterName,
    departmentName: order.departmentName,
    payerName: order.payerName,
    items: order.items,
    amountFen: order.amountFen,
    payMethod: 'native',
    paidAt: '2026-11-22T02:10:00.000Z',
    transactionId: '4200000001202611220000000001',
    status: 'paid',
    ...over,
  }
}

/** A pay channel for tests: which method this "device" uses, and a pay sheet answering as told. */
export function fakeChannel(method: ReturnType<PayChannel['method']>) {
  return {
    method: jest.fn(() => method),
    requestPayment: jest.fn<ReturnType<PayChannel['requestPayment']>, Parameters<PayChannel['requestPayment']>>(() => Promise.resolve('done')),
    openCashier: jest.fn<void, [string]>(),
  }
}

/** Timers run by hand: `advance()` fires what is due; `at` is the clock in epoch ms. */
export function manualTimers(start = Date.parse('2026-11-22T02:00:00Z')) {
  let at = start
  let queue: Array<{ due: number; fn: () => void; id: number }> = []
  let next = 1
  const timers: Timers & { advance(ms: number): void; pending(): number } = {
    setTimeout(fn, ms) {
      const id = next++
      queue.push({ due: at + ms, fn, id })
      return id
    },
    clearTimeout(handle) {
      queue = queue.filter((t) => t.id !== handle)
    },
    now: () => at,
    advance(ms) {
      at += ms
      const due = queue.filter((t) => t.due <= at)
      queue = queue.filter((t) => t.due > at)
      due.forEach((t) => t.fn())
    },
    pending: () => queue.length,
  }
  return timers
}

/** Lets every settled promise's callbacks run. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
