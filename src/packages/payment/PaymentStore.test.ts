import { formatFen } from '../../components/format'
import { apiError, testStore } from '../../testing/fakeApi'
import {
  ORDER_ID,
  PAY_CASE_ID,
  fakeChannel,
  fakePaymentsApi,
  feeOrder,
  flush,
  manualTimers,
  payStart,
  paymentReceipt,
} from '../../testing/payments'
import { feeStatusText } from './labels'
import { POLL_MS, paymentOf } from './PaymentStore'
import { PAYMENT_RETURN_PATH } from './routes'

function setup(method: 'jsapi' | 'h5' | 'native' = 'native') {
  const { store } = testStore()
  const client = fakePaymentsApi()
  const channel = fakeChannel(method)
  const timers = manualTimers()
  return { store, client, channel, timers, payment: paymentOf(store, client, channel, timers) }
}

/** Fires the next poll and lets its GET settle. */
async function poll(timers: ReturnType<typeof manualTimers>) {
  timers.advance(POLL_MS)
  await flush()
}

describe('amounts', () => {
  it('shows integer fen as ¥ with 2 decimals', () => {
    expect(formatFen(12050)).toBe('¥120.50')
    expect(formatFen(1)).toBe('¥0.01')
    expect(formatFen(100)).toBe('¥1.00')
    expect(formatFen(100_000_000)).toBe('¥1000000.00')
  })
})

describe('the orders of a case', () => {
  it('lists the case’s orders and picks those still due', async () => {
    const { client, payment } = setup()
    client.list.mockResolvedValue({
      items: [feeOrder(), feeOrder({ id: 'o2', status: 'paid' }), feeOrder({ id: 'o3', status: 'paying' }), feeOrder({ id: 'o4', status: 'cancelled' })],
      total: 4,
      page: 1,
      pageSize: 50,
    })
    await payment.loadCaseOrders(PAY_CASE_ID)
    expect(client.list).toHaveBeenCalledWith({ caseId: PAY_CASE_ID, pageSize: 50 })
    expect(payment.dueOfCase(PAY_CASE_ID).map((o) => o.id)).toEqual([ORDER_ID, 'o3'])
    expect(payment.caseStatus(PAY_CASE_ID).status).toBe('ready')
  })

  it('shows the server’s refusal', async () => {
    const { client, payment } = setup()
    client.list.mockRejectedValue(apiError(404, '办件不存在'))
    await payment.loadCaseOrders(PAY_CASE_ID)
    expect(payment.caseStatus(PAY_CASE_ID)).toEqual({ status: 'error', error: '办件不存在' })
  })
})

describe('paying with a QR code (desktop)', () => {
  it('shows the code, polls every few seconds and stops once paid', async () => {
    const { client, payment, timers } = setup('native')
    client.get.mockResolvedValueOnce(feeOrder())
    await payment.loadOrder(ORDER_ID)
    client.pay.mockResolvedValue(payStart())
    const outcome = await payment.pay(ORDER_ID)
    expect(outcome).toEqual({ kind: 'qr' })
    expect(client.pay).toHaveBeenCalledWith(ORDER_ID, { method: 'native' })
    expect(payment.qr?.codeUrl).toBe('weixin://wxpay/bizpayurl?pr=abc')
    // Started: the server moved it to paying, which reads as 支付确认中 — never 待缴费.
    expect(payment.orderById(ORDER_ID)?.status).toBe('paying')
    expect(feeStatusText(payment.orderById(ORDER_ID)!.status)).toBe('支付确认中')

    client.get.mockResolvedValueOnce(feeOrder({ status: 'paying' }))
    await poll(timers)
    expect(client.get).toHaveBeenCalledTimes(2)
    expect(payment.watching).toBe(ORDER_ID)

    client.get.mockResolvedValueOnce(feeOrder({ status: 'paid', paidAt: '2026-11-22T02:00:05Z', canPay: false }))
    await poll(timers)
    expect(payment.orderById(ORDER_ID)?.status).toBe('paid')
    expect(payment.watching).toBeNull()
    expect(payment.qr).toBeNull()
    expect(timers.pending()).toBe(0)
    await poll(timers)
    expect(client.get).toHaveBeenCalledTimes(3)
  })

  it('stops polling when the code expires and the order is still open', async () => {
    const { client, payment, timers } = setup('native')
    client.pay.mockResolvedValue(payStart({ expiresAt: new Date(timers.now() + 2 * POLL_MS).toISOString() }))
    await payment.pay(ORDER_ID)
    client.get.mockResolvedValue(feeOrder({ status: 'paying' }))
    await poll(timers)
    expect(payment.watching).toBe(ORDER_ID)
    await poll(timers)
    expect(payment.watching).toBeNull()
    expect(payment.qr).toBeNull()
    expect(client.get).toHaveBeenCalledTimes(2)
  })

  it('stops polling when the citizen leaves', async () => {
    const { client, payment, timers } = setup('native')
    client.pay.mockResolvedValue(payStart())
    await payment.pay(ORDER_ID)
    payment.stopWatching()
    await poll(timers)
    expect(client.get).not.toHaveBeenCalled()
  })

  it('shows a refusal to start (e.g. past the deadline) as the server’s sentence', async () => {
    const { client, payment } = setup('native')
    client.pay.mockRejectedValue(apiError(409, '该缴款单已超过限缴日期，请联系办理窗口重新开具'))
    expect(await payment.pay(ORDER_ID)).toEqual({ kind: 'error', message: '该缴款单已超过限缴日期，请联系办理窗口重新开具' })
    expect(payment.starting).toBeNull()
  })
})

describe('never unpaid after money was taken', () => {
  it('keeps a paid order paid when a late answer says unpaid or paying', async () => {
    const { client, payment } = setup()
    client.get.mockResolvedValueOnce(feeOrder({ status: 'paid', paidAt: '2026-11-22T02:00:05Z' }))
    await payment.loadOrder(ORDER_ID)
    client.get.mockResolvedValueOnce(feeOrder({ status: 'unpaid' }))
    await payment.loadOrder(ORDER_ID)
    expect(payment.orderById(ORDER_ID)?.status).toBe('paid')
    client.get.mockResolvedValueOnce(feeOrder({ status: 'paying' }))
    await payment.loadOrder(ORDER_ID)
    expect(payment.orderById(ORDER_ID)?.status).toBe('paid')
    // A refund is news, not a regression.
    client.get.mockResolvedValueOnce(feeOrder({ status: 'refunded' }))
    await payment.loadOrder(ORDER_ID)
    expect(payment.orderById(ORDER_ID)?.status).toBe('refunded')
  })

  it('keeps the case’s list in step with the order', async () => {
    const { client, payment } = setup()
    client.list.mockResolvedValue({ items: [feeOrder()], total: 1, page: 1, pageSize: 50 })
    await payment.loadCaseOrders(PAY_CASE_ID)
    client.get.mockResolvedValueOnce(feeOrder({ status: 'paid' }))
    await payment.loadOrder(ORDER_ID)
    expect(payment.ordersOfCase(PAY_CASE_ID)[0].status).toBe('paid')
    // A list fetched from a stale replica still shows it paid.
    await payment.loadCaseOrders(PAY_CASE_ID)
    expect(payment.ordersOfCase(PAY_CASE_ID)[0].status).toBe('paid')
    expect(payment.dueOfCase(PAY_CASE_ID)).toEqual([])
  })
})

describe('paying in the mini-program (JSAPI)', () => {
  it('hands the server-signed params to the pay sheet and then asks the server', async () => {
    const { client, payment, channel } = setup('jsapi')
    const params = { timeStamp: '1700000000', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA' as const, paySign: 'sig' }
    client.pay.mockResolvedValue(payStart({ method: 'jsapi', codeUrl: undefined, params }))
    client.get.mockResolvedValue(feeOrder({ status: 'paid', paidAt: '2026-11-22T02:00:05Z' }))
    expect(await payment.pay(ORDER_ID)).toEqual({ kind: 'paid' })
    expect(client.pay).toHaveBeenCalledWith(ORDER_ID, { method: 'jsapi' })
    expect(channel.requestPayment).toHaveBeenCalledWith(params)
  })

  it('says 支付确认中 and keeps asking while the server is still confirming, then stops on paid', async () => {
    const { client, payment, timers } = setup('jsapi')
    client.pay.mockResolvedValue(payStart({ method: 'jsapi', codeUrl: undefined, params: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's' } }))
    client.get.mockResolvedValueOnce(feeOrder({ status: 'paying' }))
    expect(await payment.pay(ORDER_ID)).toEqual({ kind: 'confirming' })
    expect(feeStatusText(payment.orderById(ORDER_ID)!.status)).toBe('支付确认中')
    client.get.mockResolvedValueOnce(feeOrder({ status: 'paid' }))
    await poll(timers)
    expect(payment.orderById(ORDER_ID)?.status).toBe('paid')
    expect(payment.watching).toBeNull()
  })

  it('a closed sheet is not an error and starts no polling', async () => {
    const { client, payment, channel, timers } = setup('jsapi')
    client.pay.mockResolvedValue(payStart({ method: 'jsapi', codeUrl: undefined, params: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's' } }))
    channel.requestPayment.mockResolvedValue('cancelled')
    client.get.mockResolvedValue(feeOrder({ status: 'paying' }))
    expect(await payment.pay(ORDER_ID)).toEqual({ kind: 'cancelled' })
    expect(timers.pending()).toBe(0)
  })

  it('a failed sheet says so, unless the server says the money was taken', async () => {
    const { client, payment, channel } = setup('jsapi')
    client.pay.mockResolvedValue(payStart({ method: 'jsapi', codeUrl: undefined, params: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's' } }))
    channel.requestPayment.mockResolvedValue('failed')
    client.get.mockResolvedValueOnce(feeOrder({ status: 'paying' }))
    expect(await payment.pay(ORDER_ID)).toEqual({ kind: 'error', message: '微信支付未完成，请稍后再试' })
    client.get.mockResolvedValueOnce(feeOrder({ status: 'paid' }))
    expect(await payment.pay(ORDER_ID)).toEqual({ kind: 'paid' })
  })
})

describe('paying in a phone browser (H5)', () => {
  it('goes to WeChat’s cashier with this app’s return page', async () => {
    const { client, payment, channel } = setup('h5')
    client.pay.mockResolvedValue(payStart({ method: 'h5', codeUrl: undefined, h5Url: 'https://wx.tenpay.test/cashier?prepay_id=1' }))
    expect(await payment.pay(ORDER_ID)).toEqual({ kind: 'redirected' })
    expect(client.pay).toHaveBeenCalledWith(ORDER_ID, { method: 'h5', returnPath: PAYMENT_RETURN_PATH })
    expect(channel.openCashier).toHaveBeenCalledWith('https://wx.tenpay.test/cashier?prepay_id=1')
  })

  it('back from the cashier: re-reads the order and polls while it is confirmed', async () => {
    const { client, payment, timers } = setup('h5')
    client.get.mockResolvedValueOnce(feeOrder({ status: 'paying' }))
    expect(await payment.afterReturn(ORDER_ID)).toEqual({ kind: 'confirming' })
    client.get.mockResolvedValueOnce(feeOrder({ status: 'paid' }))
    await poll(timers)
    expect(payment.watching).toBeNull()
    client.get.mockResolvedValueOnce(feeOrder({ status: 'paid' }))
    expect(await payment.afterReturn(ORDER_ID)).toEqual({ kind: 'paid' })
  })
})

describe('the receipt', () => {
  it('loads the 电子票据 view of a paid order', async () => {
    const { client, payment } = setup()
    client.receipt.mockResolvedValue(paymentReceipt())
    await payment.loadReceipt(ORDER_ID)
    expect(payment.receiptById(ORDER_ID)?.transactionId).toBe('4200000001202611220000000001')
    expect(payment.receiptStatus(ORDER_ID).status).toBe('ready')
  })

  it('shows the server’s 409 until paid', async () => {
    const { client, payment } = setup()
    client.receipt.mockRejectedValue(apiError(409, '缴费完成后才能查看票据'))
    await payment.loadReceipt(ORDER_ID)
    expect(payment.receiptStatus(ORDER_ID)).toEqual({ status: 'error', error: '缴费完成后才能查看票据' })
  })
})

it('forgets everything when the session changes', async () => {
  const { client, payment } = setup()
  client.get.mockResolvedValue(feeOrder())
  await payment.loadOrder(ORDER_ID)
  payment.reset()
  expect(payment.orderById(ORDER_ID)).toBeUndefined()
})
