import { RESIDENT_ID_MESSAGES, MOBILE_MESSAGE } from '../../types/validators'
import { apiError, fakeStaffCasesApi, testStore } from '../testing/fakeApi'
import { caseDetail, caseSummary, FUTURE, staffProfile } from '../testing/fixtures'
import { staffCasesOf, type WalkInForm } from './StaffCaseStore'

/** A RootStore, its fake Api, and the staff case store on a fake client. */
function setup() {
  const { store, api } = testStore()
  const client = fakeStaffCasesApi()
  return { store, api, client, staffCases: staffCasesOf(store, client) }
}

const validForm: WalkInForm = {
  matterId: '00000000-0000-4000-8000-000000000001',
  applicantName: '张三',
  applicantIdNumber: '11010519491231002x',
  applicantPhone: '13812345678',
  deliveryMode: 'hall',
  address: '',
}

describe('queue', () => {
  it('asks for the filtered queue and starts over when a filter changes', async () => {
    const { client: api, staffCases } = setup()
    api.list.mockResolvedValue({ items: [caseSummary()], page: 1, pageSize: 20, total: 1 })
    await staffCases.queue.reload()
    expect(api.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, light: undefined, status: undefined, active: true })
    await staffCases.setFilters({ light: 'red' })
    expect(api.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, light: 'red', status: undefined, active: true })
    expect(staffCases.queue.items).toHaveLength(1)
  })

  it('is the same store on every use and forgets everything at sign-out', async () => {
    const { store, api, client, staffCases } = setup()
    api.auth.signInStaff.mockResolvedValue({ token: 't', expiresAt: FUTURE, staff: staffProfile() })
    await store.session.signInStaff('zhangwei', 'pw')
    client.list.mockResolvedValue({ items: [caseSummary()], page: 1, pageSize: 20, total: 1 })
    await staffCases.queue.reload()
    expect(staffCasesOf(store)).toBe(staffCases)
    api.auth.signOut.mockResolvedValue(undefined)
    await store.session.signOut()
    expect(staffCasesOf(store).queue.items).toHaveLength(0)
  })
})

describe('actions', () => {
  it('updates the case and the queue from the server’s answer', async () => {
    const { client: api, staffCases } = setup()
    const detail = caseDetail({ status: 'received', allowedActions: ['accept', 'notAccept'] })
    api.list.mockResolvedValue({ items: [caseSummary({ id: detail.id, status: 'received' })], page: 1, pageSize: 20, total: 1 })
    await staffCases.queue.reload()
    api.get.mockResolvedValue(detail)
    await staffCases.loadCase(detail.id)
    const accepted = { ...detail, status: 'accepted' as const, allowedActions: ['startHandling' as const] }
    api.act.mockResolvedValue(accepted)
    await staffCases.act(detail.id, 'accept', ' 材料齐全 ')
    expect(api.act).toHaveBeenCalledWith(detail.id, { action: 'accept', comment: '材料齐全' })
    expect(staffCases.caseById(detail.id)?.allowedActions).toEqual(['startHandling'])
    expect(staffCases.queue.items[0].status).toBe('accepted')
  })

  it('passes on the server’s refusal with the field it names', async () => {
    const { client, staffCases } = setup()
    client.act.mockRejectedValue(apiError(400, '请填写不予受理的理由', 'comment'))
    await expect(staffCases.act('c1', 'reject', '')).rejects.toMatchObject({ field: 'comment' })
  })
})

describe('walk-in registration', () => {
  it('checks every field before any request', async () => {
    const { client, staffCases } = setup()
    const errors = await staffCases.registerWalkIn({
      matterId: '',
      applicantName: 'Zhang',
      applicantIdNumber: '110105194912310021',
      applicantPhone: '12345',
      deliveryMode: 'mail',
      address: '',
    })
    expect(errors).toEqual({
      matterId: '请选择办理事项',
      applicantName: expect.stringContaining('中文姓名'),
      applicantIdNumber: RESIDENT_ID_MESSAGES.checksum,
      applicantPhone: MOBILE_MESSAGE,
      address: expect.stringContaining('邮寄地址'),
    })
    expect(client.registerWalkIn).not.toHaveBeenCalled()
  })

  it('registers a valid walk-in and keeps the receipt', async () => {
    const { client: api, staffCases } = setup()
    const receipt = { case: caseDetail({ status: 'received' }), queryPassword: '482193' }
    api.registerWalkIn.mockResolvedValue(receipt)
    expect(await staffCases.registerWalkIn(validForm)).toEqual({})
    expect(api.registerWalkIn).toHaveBeenCalledWith({
      matterId: validForm.matterId,
      applicantName: '张三',
      applicantIdNumber: '11010519491231002X',
      applicantPhone: '13812345678',
      delivery: { mode: 'hall' },
    })
    expect(staffCases.receipt).toEqual(receipt)
  })

  it('sends the address for mailed results', async () => {
    const { client: api, staffCases } = setup()
    api.registerWalkIn.mockResolvedValue({ case: caseDetail(), queryPassword: '1' })
    await staffCases.registerWalkIn({ ...validForm, deliveryMode: 'mail', address: ' 玉门市新市区人民路1号 ' })
    expect(api.registerWalkIn).toHaveBeenCalledWith(
      expect.objectContaining({ delivery: { mode: 'mail', address: '玉门市新市区人民路1号' } }),
    )
  })
})

it('loads supervision counts and says why it could not', async () => {
  const { client: api, staffCases } = setup()
  api.supervision.mockRejectedValueOnce(apiError(403, '只有部门负责人可以查看督办'))
  await staffCases.loadSupervision()
  expect(staffCases.supervisionError).toBe('只有部门负责人可以查看督办')
  api.supervision.mockResolvedValueOnce({ counts: { green: 3, yellow: 1, red: 2, paused: 0 }, overdue: [caseSummary()] })
  await staffCases.loadSupervision()
  expect(staffCases.supervision?.counts.red).toBe(2)
  expect(staffCases.supervisionStatus).toBe('ready')
})
