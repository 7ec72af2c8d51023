import { apiError, testStore } from '../../testing/fakeApi'
import { FUTURE, staffProfile } from '../../testing/fixtures'
import {
  claim,
  fakeStaffPrereviewsApi,
  PART_ID,
  SLOT_LEASE,
  SLOT_LICENCE,
  SLOT_PHOTO,
  staffPartDetail,
  staffPartSummary,
} from '../../testing/staffPrereviews'
import { staffPrereviewsOf } from './StaffPrereviewStore'

function setup() {
  const { store, api } = testStore()
  const client = fakeStaffPrereviewsApi()
  return { store, api, client, prereviews: staffPrereviewsOf(store, client) }
}

describe('queue', () => {
  it('asks for the waiting parts with the light filter and keys rows by part', async () => {
    const { client, prereviews } = setup()
    client.list.mockResolvedValue({ items: [staffPartSummary()], page: 1, pageSize: 20, total: 1 })
    await prereviews.queue.reload()
    expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, light: undefined, active: true })
    expect(prereviews.queue.items[0].id).toBe(PART_ID)
    await prereviews.setFilters({ light: 'yellow' })
    expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, light: 'yellow', active: true })
  })
})

describe('claim on open', () => {
  it('claims a free part and may then review it', async () => {
    const { client, prereviews } = setup()
    client.get.mockResolvedValue(staffPartDetail())
    client.claim.mockResolvedValue(staffPartDetail({ claim: claim(true) }))
    await prereviews.open(PART_ID)
    expect(client.claim).toHaveBeenCalledWith(PART_ID)
    expect(prereviews.canReview(PART_ID)).toBe(true)
    expect(prereviews.claimError(PART_ID)).toBeNull()
  })

  it('leaves a part a colleague holds read-only and does not try to take it', async () => {
    const { client, prereviews } = setup()
    client.get.mockResolvedValue(staffPartDetail({ claim: claim(false) }))
    await prereviews.open(PART_ID)
    expect(client.claim).not.toHaveBeenCalled()
    expect(prereviews.canReview(PART_ID)).toBe(false)
    expect(prereviews.partById(PART_ID)?.claim?.staffName).toBe('王**')
  })

  it('claims again when the colleague’s claim has expired', async () => {
    const { client, prereviews } = setup()
    client.get.mockResolvedValue(staffPartDetail({ claim: claim(false, '2000-01-01T00:00:00.000Z') }))
    client.claim.mockResolvedValue(staffPartDetail({ claim: claim(true) }))
    await prereviews.open(PART_ID)
    expect(client.claim).toHaveBeenCalledTimes(1)
    expect(prereviews.canReview(PART_ID)).toBe(true)
  })

  it('on a 409 keeps the server’s sentence and reloads the part to show who holds it', async () => {
    const { client, prereviews } = setup()
    client.get
      .mockResolvedValueOnce(staffPartDetail())
      .mockResolvedValueOnce(staffPartDetail({ claim: claim(false) }))
    client.claim.mockRejectedValue(apiError(409, '王**正在审核，请稍后再试'))
    await prereviews.open(PART_ID)
    expect(client.get).toHaveBeenCalledTimes(2)
    expect(prereviews.claimError(PART_ID)).toBe('王**正在审核，请稍后再试')
    expect(prereviews.canReview(PART_ID)).toBe(false)
    expect(prereviews.partById(PART_ID)?.claim?.mine).toBe(false)
  })

  it('does not claim a part that is no longer waiting for review', async () => {
    const { client, prereviews } = setup()
    client.get.mockResolvedValue(staffPartDetail({ status: 'passed' }))
    await prereviews.open(PART_ID)
    expect(client.claim).not.toHaveBeenCalled()
    expect(prereviews.canReview(PART_ID)).toBe(false)
  })

  it('shows a load failure as the server said it', async () => {
    const { client, prereviews } = setup()
    client.get.mockRejectedValue(apiError(404, '预审件不存在或不属于本部门'))
    await prereviews.open(PART_ID)
    expect(prereviews.detailStatus(PART_ID)).toEqual({ status: 'error', error: '预审件不存在或不属于本部门' })
  })
})

describe('release', () => {
  it('gives back our claim when leaving, and swallows a failure', async () => {
    const { client, prereviews } = setup()
    client.get.mockResolvedValue(staffPartDetail({ claim: claim(true) }))
    await prereviews.open(PART_ID)
    client.release.mockRejectedValue(apiError(0, '网络连接失败，请检查网络后重试'))
    await expect(prereviews.releaseIfHeld(PART_ID)).resolves.toBeUndefined()
    expect(client.release).toHaveBeenCalledWith(PART_ID)
  })

  it('releases nothing it does not hold', async () => {
    const { client, prereviews } = setup()
    client.get.mockResolvedValue(staffPartDetail({ claim: claim(false) }))
    await prereviews.open(PART_ID)
    await prereviews.releaseIfHeld(PART_ID)
    expect(client.release).not.toHaveBeenCalled()
  })
})

describe('verdicts', () => {
  it('sends the trimmed reason and takes the server’s answer as the part', async () => {
    const { client, prereviews } = setup()
    client.get.mockResolvedValue(staffPartDetail({ claim: claim(true) }))
    await prereviews.open(PART_ID)
    const answered = staffPartDetail({ claim: claim(true), allowedDecisions: ['return', 'refuse'] })
    answered.materials[0] = { ...answered.materials[0], verdict: { verdict: 'return', reason: '证件已过有效期' } }
    client.markMaterial.mockResolvedValue(answered)
    await prereviews.markMaterial(PART_ID, SLOT_LICENCE, 'return', '  证件已过有效期 ')
    expect(client.markMaterial).toHaveBeenCalledWith(PART_ID, SLOT_LICENCE, { verdict: 'return', reason: '证件已过有效期' })
    expect(prereviews.partById(PART_ID)?.materials[0].verdict).toEqual({ verdict: 'return', reason: '证件已过有效期' })
    expect(prereviews.decisionsFor(PART_ID)).toEqual(['return', 'refuse'])
  })

  it('rejects with the server’s message when a return has no reason, and keeps the part as it was', async () => {
    const { client, prereviews } = setup()
    client.get.mockResolvedValue(staffPartDetail({ claim: claim(true) }))
    await prereviews.open(PART_ID)
    client.markMaterial.mockRejectedValue(apiError(400, '退回材料须说明理由', 'reason'))
    await expect(prereviews.markMaterial(PART_ID, SLOT_LICENCE, 'return', ' ')).rejects.toThrow('退回材料须说明理由')
    expect(prereviews.partById(PART_ID)?.materials[0].verdict).toBeNull()
  })
})

describe('a part that moved under us', () => {
  it('reloads on a 409 to a verdict, so the page turns read-only, and rejects with the server’s sentence', async () => {
    const { client, prereviews } = setup()
    client.get.mockResolvedValueOnce(staffPartDetail({ claim: claim(true) }))
    await prereviews.open(PART_ID)
    client.markMaterial.mockRejectedValue(apiError(409, '请先点击“开始审核”领取该预审（领取已过期或由他人审核）'))
    client.get.mockResolvedValueOnce(staffPartDetail({ claim: claim(false) }))
    await expect(prereviews.markMaterial(PART_ID, SLOT_LICENCE, 'pass', '')).rejects.toThrow('领取已过期')
    expect(prereviews.canReview(PART_ID)).toBe(false)
  })
})

describe('decisions', () => {
  it('offers exactly the server’s allowedDecisions, in a fixed order', async () => {
    const { client, prereviews } = setup()
    client.get.mockResolvedValue(staffPartDetail({ claim: claim(true), allowedDecisions: ['refuse', 'tolerate', 'pass'] }))
    await prereviews.open(PART_ID)
    expect(prereviews.decisionsFor(PART_ID)).toEqual(['pass', 'tolerate', 'refuse'])
  })

  it('offers nothing before the part is known', () => {
    const { prereviews } = setup()
    expect(prereviews.decisionsFor(PART_ID)).toEqual([])
  })

  it('offers for 容缺 only non-essential materials that are returned or missing', async () => {
    const { client, prereviews } = setup()
    const detail = staffPartDetail({ claim: claim(true) })
    const returned = { verdict: 'return' as const, reason: '缺少签字或盖章' }
    // Licence: required, returned (not tolerable). Lease: accepts 容缺, returned. Photo: optional, not attached (nothing lacking).
    detail.materials = detail.materials.map((m) => (m.slot.key === SLOT_PHOTO ? m : { ...m, verdict: returned }))
    client.get.mockResolvedValue(detail)
    await prereviews.open(PART_ID)
    expect(prereviews.toleranceCandidates(PART_ID).map((m) => m.slot.key)).toEqual([SLOT_LEASE])
  })

  it('sends tolerance only with 容缺通过, and the decided part replaces the queue row', async () => {
    const { client, prereviews } = setup()
    client.list.mockResolvedValue({ items: [staffPartSummary({ claim: claim(true) })], page: 1, pageSize: 20, total: 1 })
    await prereviews.queue.reload()
    client.get.mockResolvedValue(staffPartDetail({ claim: claim(true), allowedDecisions: ['pass', 'tolerate'] }))
    await prereviews.open(PART_ID)
    client.decide.mockResolvedValue(staffPartDetail({ status: 'tolerated', claim: null }))
    const tolerance = { materialKeys: [SLOT_LEASE], promisedOn: '2026-12-10' }
    await prereviews.decide(PART_ID, 'tolerate', { comment: ' 请按期补交 ', tolerance })
    expect(client.decide).toHaveBeenLastCalledWith(PART_ID, { decision: 'tolerate', comment: '请按期补交', tolerance })
    expect(prereviews.queue.items[0].status).toBe('tolerated')
    expect(prereviews.canReview(PART_ID)).toBe(false)

    client.decide.mockResolvedValue(staffPartDetail({ status: 'passed' }))
    await prereviews.decide(PART_ID, 'pass', { comment: '', tolerance })
    expect(client.decide).toHaveBeenLastCalledWith(PART_ID, { decision: 'pass', comment: '' })
  })
})

describe('session', () => {
  it('is one store per RootStore and forgets everything at sign-out', async () => {
    const { store, api, client, prereviews } = setup()
    api.auth.signInStaff.mockResolvedValue({ token: 't', expiresAt: FUTURE, staff: staffProfile() })
    await store.session.signInStaff('zhangwei', 'pw')
    client.list.mockResolvedValue({ items: [staffPartSummary()], page: 1, pageSize: 20, total: 1 })
    await prereviews.setFilters({ light: 'red' })
    client.get.mockResolvedValue(staffPartDetail({ claim: claim(false) }))
    await prereviews.open(PART_ID)
    expect(staffPrereviewsOf(store)).toBe(prereviews)

    api.auth.signOut.mockResolvedValue(undefined)
    await store.session.signOut()
    expect(prereviews.queue.items).toHaveLength(0)
    expect(prereviews.filters.light).toBeNull()
    expect(prereviews.partById(PART_ID)).toBeUndefined()
    expect(prereviews.detailStatus(PART_ID).status).toBe('idle')
  })
})
