import { apiError, testStore } from '../../testing/fakeApi'
import { ORDER_ID, PAY_CASE_ID, fakeStaffPaymentsApi, feeOrder } from '../../testing/payments'
import { checkFeeOrder, draftTotalFen, fenToYuan, lineFromItem, yuanToFen } from './feeOrderDraft'
import { staffPaymentsOf } from './StaffPaymentStore'

const NOW = new Date('2026-11-22T17:00:00Z') // 2026-11-23 01:00 in China

function setup() {
  const { store } = testStore()
  const client = fakeStaffPaymentsApi()
  return { client, payments: staffPaymentsOf(store, client, () => NOW) }
}

describe('fee lines as typed', () => {
  it('turns yuan into integer fen without floating point', () => {
    expect(yuanToFen('120.5')).toBe(12050)
    expect(yuanToFen('0.01')).toBe(1)
    expect(yuanToFen('19.99')).toBe(1999)
    expect(yuanToFen(' 8 ')).toBe(800)
    expect(yuanToFen('1.234')).toBeNull()
    expect(yuanToFen('-1')).toBeNull()
    expect(yuanToFen('abc')).toBeNull()
    expect(fenToYuan(12050)).toBe('120.50')
    expect(lineFromItem({ name: '工本费', unitFen: 2000, quantity: 1, unit: '每本' })).toEqual({ name: '工本费', yuan: '20.00', quantity: '1', unit: '每本' })
    expect(draftTotalFen({ deadline: '', lines: [{ name: 'a', yuan: '1.10', quantity: '3', unit: '' }, { name: 'b', yuan: 'x', quantity: '1', unit: '' }] })).toBe(330)
  })

  it('refuses bad lines and a past deadline beside them', () => {
    const result = checkFeeOrder(
      { deadline: '2026-11-22', lines: [{ name: '', yuan: '1', quantity: '1', unit: '' }, { name: '工本费', yuan: '0', quantity: '1', unit: '' }] },
      '2026-11-23',
    )
    expect(result).toEqual({
      errors: { lines: { 0: '请填写收费项目名称（1–60字）', 1: '金额为大于0的元数，最多两位小数' }, deadline: '限缴日期不能早于今天' },
    })
  })
})

describe('开具缴费单', () => {
  it('sends fen and China’s date, and reuses the request key on a retry', async () => {
    const { client, payments } = setup()
    expect(payments.today()).toBe('2026-11-23')
    client.create.mockRejectedValueOnce(apiError(503, '网络异常'))
    const draft = { deadline: '2026-11-30', lines: [{ name: '护照工本费', yuan: '120', quantity: '1', unit: '每本' }] }
    expect(await payments.create(PAY_CASE_ID, draft)).toEqual({ ok: false, errors: { form: '网络异常' } })
    client.create.mockResolvedValueOnce(feeOrder())
    expect((await payments.create(PAY_CASE_ID, draft)).ok).toBe(true)
    const [first] = client.create.mock.calls[0]
    const [second] = client.create.mock.calls[1]
    expect(first).toEqual({ caseId: PAY_CASE_ID, items: [{ name: '护照工本费', unitFen: 12000, quantity: 1, unit: '每本' }], deadline: '2026-11-30', clientKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
    expect(second.clientKey).toBe(first.clientKey)
    expect(payments.ordersOfCase(PAY_CASE_ID).map((o) => o.id)).toEqual([ORDER_ID])
    // The next order is a new one.
    client.create.mockResolvedValueOnce(feeOrder({ id: 'o2' }))
    await payments.create(PAY_CASE_ID, draft)
    expect(client.create.mock.calls[2][0].clientKey).not.toBe(first.clientKey)
  })

  it('sends nothing when the draft is not valid', async () => {
    const { client, payments } = setup()
    const outcome = await payments.create(PAY_CASE_ID, { deadline: '', lines: [] })
    expect(outcome.ok).toBe(false)
    expect(client.create).not.toHaveBeenCalled()
  })
})

describe('the case’s orders', () => {
  it('loads each order’s detail, so 撤销 / 退款 follow the server', async () => {
    const { client, payments } = setup()
    client.list.mockResolvedValue({ items: [feeOrder()], total: 1, page: 1, pageSize: 50 })
    client.get.mockResolvedValue(feeOrder({ canCancel: true }))
    await payments.loadCaseOrders(PAY_CASE_ID)
    expect(payments.ordersOfCase(PAY_CASE_ID)[0].canCancel).toBe(true)
  })

  it('a 409 on 撤销 (paid meanwhile) shows the order as it is now, and the refusal', async () => {
    const { client, payments } = setup()
    client.list.mockResolvedValue({ items: [feeOrder()], total: 1, page: 1, pageSize: 50 })
    client.get.mockResolvedValueOnce(feeOrder({ canCancel: true }))
    await payments.loadCaseOrders(PAY_CASE_ID)
    client.cancel.mockRejectedValue(apiError(409, '该缴款单已缴费，不能撤销'))
    client.get.mockResolvedValueOnce(feeOrder({ status: 'paid', canCancel: false }))
    await expect(payments.cancel(ORDER_ID, '重复开具')).rejects.toThrow('该缴款单已缴费，不能撤销')
    expect(payments.ordersOfCase(PAY_CASE_ID)[0].status).toBe('paid')
  })

  it('asks for a reason before 撤销 or 退款', async () => {
    const { client, payments } = setup()
    await expect(payments.cancel(ORDER_ID, ' ')).rejects.toThrow('请填写撤销原因')
    await expect(payments.refund(ORDER_ID, 'x')).rejects.toThrow('请填写退款原因')
    client.refund.mockResolvedValue(feeOrder({ status: 'refunding' }))
    await payments.refund(ORDER_ID, '不予受理退费')
    expect(client.refund).toHaveBeenCalledWith(ORDER_ID, { reason: '不予受理退费' })
  })
})
