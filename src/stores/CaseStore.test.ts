import { apiError, testStore } from '../testing/fakeApi'
import { caseDetail, caseProgress, caseSummary, citizenProfile, FUTURE } from '../testing/fixtures'
import { CASE_PAGE_SIZE } from './CaseStore'

const page = (n: number, count: number, total: number) => ({
  items: Array.from({ length: count }, () => caseSummary()),
  page: n,
  pageSize: CASE_PAGE_SIZE,
  total,
})

describe('anonymous lookup', () => {
  it('sends the trimmed number and password and keeps the progress', async () => {
    const { store, api } = testStore()
    const progress = caseProgress()
    api.cases.lookup.mockResolvedValue(progress)
    expect(await store.cases.lookup(' YM001 ', ' 4821 ')).toBe(true)
    expect(api.cases.lookup).toHaveBeenCalledWith({ number: 'YM001', password: '4821' })
    expect(store.cases.progress).toEqual(progress)
    expect(store.cases.lookupStatus).toBe('ready')
    // Kept in memory for rating by the receipt from the answer page.
    expect(store.cases.lookupCode).toEqual({ number: 'YM001', password: '4821', scanned: false })
  })

  it("shows the server's sentence for a wrong number or password, and for a lock", async () => {
    const { store, api } = testStore()
    api.cases.lookup.mockRejectedValueOnce(apiError(404, '办件编号或查询密码不正确'))
    expect(await store.cases.lookup('YM001', '0000')).toBe(false)
    expect(store.cases.lookupStatus).toBe('error')
    expect(store.cases.lookupError).toBe('办件编号或查询密码不正确')
    expect(store.cases.progress).toBeNull()
    expect(store.cases.lookupCode).toBeNull()
    api.cases.lookup.mockRejectedValueOnce(apiError(429, '查询失败次数过多，请30分钟后再试'))
    await store.cases.lookup('YM001', '0000')
    expect(store.cases.lookupError).toBe('查询失败次数过多，请30分钟后再试')
  })
})

describe('我的办件', () => {
  it('pages through the citizen’s cases', async () => {
    const { store, api } = testStore()
    api.cases.list.mockResolvedValueOnce(page(1, 20, 23)).mockResolvedValueOnce(page(2, 3, 23))
    await store.cases.mine.reload()
    expect(api.cases.list).toHaveBeenLastCalledWith({ page: 1, pageSize: CASE_PAGE_SIZE })
    expect(store.cases.mine.hasMore).toBe(true)
    await store.cases.mine.loadMore()
    expect(api.cases.list).toHaveBeenLastCalledWith({ page: 2, pageSize: CASE_PAGE_SIZE })
    expect(store.cases.mine.items).toHaveLength(23)
    expect(store.cases.mine.hasMore).toBe(false)
    await store.cases.mine.loadMore()
    expect(api.cases.list).toHaveBeenCalledTimes(2)
  })

  it('says why the list failed', async () => {
    const { store, api } = testStore()
    api.cases.list.mockRejectedValue(apiError(503, '服务暂时不可用，请稍后重试'))
    await store.cases.mine.reload()
    expect(store.cases.mine.status).toBe('error')
    expect(store.cases.mine.error).toBe('服务暂时不可用，请稍后重试')
  })

  it('forgets the cases when the citizen signs out', async () => {
    const { store, api } = testStore()
    api.auth.signInWithSms.mockResolvedValue({ token: 't', expiresAt: FUTURE, profile: citizenProfile() })
    await store.session.signInWithSms('13812345678', '123456')
    api.cases.list.mockResolvedValue(page(1, 2, 2))
    await store.cases.mine.reload()
    api.auth.signOut.mockResolvedValue(undefined)
    await store.session.signOut()
    expect(store.cases.mine.items).toHaveLength(0)
  })
})

describe('withdraw', () => {
  it('replaces the case with the server’s answer, here and in the list', async () => {
    const { store, api } = testStore()
    const detail = caseDetail()
    api.cases.list.mockResolvedValue({ items: [caseSummary({ id: detail.id })], page: 1, pageSize: 20, total: 1 })
    await store.cases.mine.reload()
    api.cases.get.mockResolvedValue(detail)
    await store.cases.loadCase(detail.id)
    const withdrawn = { ...detail, status: 'withdrawn' as const, deadline: null, allowedActions: [] }
    api.cases.withdraw.mockResolvedValue(withdrawn)
    await store.cases.withdraw(detail.id, '  材料准备不全，重新申请 ')
    expect(api.cases.withdraw).toHaveBeenCalledWith(detail.id, '材料准备不全，重新申请')
    expect(store.cases.caseById(detail.id)?.status).toBe('withdrawn')
    expect(store.cases.caseById(detail.id)?.allowedActions).toEqual([])
    expect(store.cases.mine.items[0].status).toBe('withdrawn')
  })

  it('rejects with the server’s reason and keeps the case as it was', async () => {
    const { store, api } = testStore()
    const detail = caseDetail()
    api.cases.get.mockResolvedValue(detail)
    await store.cases.loadCase(detail.id)
    api.cases.withdraw.mockRejectedValue(apiError(409, '办件已办结，不能撤回'))
    await expect(store.cases.withdraw(detail.id, '不办了')).rejects.toMatchObject({ message: '办件已办结，不能撤回' })
    expect(store.cases.caseById(detail.id)?.status).toBe(detail.status)
  })
})
