import { apiError, deferred, testStore } from '../testing/fakeApi'
import { catalog, matterDetail, matterPage, matterSummary } from '../testing/fixtures'
import type { MatterPage } from '../../types/matters'
import { MATTER_PAGE_SIZE } from './CatalogStore'
import { staffOf } from './StaffStore'

const page = (n: number, count: number, total: number) =>
  matterPage(Array.from({ length: count }, () => matterSummary()), n, total)

describe('CatalogStore matter list', () => {
  it('loads the first page with the filters the citizen chose', async () => {
    const { store, api } = testStore()
    api.matters.list.mockResolvedValue(page(1, 3, 3))
    await store.catalog.setFilters({ q: ' sfz ', audience: 'person', topic: '户籍办理' })
    expect(api.matters.list).toHaveBeenCalledWith({
      q: 'sfz',
      audience: 'person',
      topic: '户籍办理',
      departmentId: undefined,
      page: 1,
      pageSize: MATTER_PAGE_SIZE,
    })
    expect(store.catalog.items).toHaveLength(3)
    expect(store.catalog.listStatus).toBe('ready')
    expect(store.catalog.hasMore).toBe(false)
  })

  it('appends the next page and stops when everything is loaded', async () => {
    const { store, api } = testStore()
    api.matters.list.mockResolvedValueOnce(page(1, 20, 25)).mockResolvedValueOnce(page(2, 5, 25))
    await store.catalog.reloadList()
    expect(store.catalog.hasMore).toBe(true)
    await store.catalog.loadMore()
    expect(api.matters.list).toHaveBeenLastCalledWith(expect.objectContaining({ page: 2 }))
    expect(store.catalog.items).toHaveLength(25)
    expect(store.catalog.hasMore).toBe(false)
    await store.catalog.loadMore()
    expect(api.matters.list).toHaveBeenCalledTimes(2)
  })

  it('does not ask for the same page twice while one is loading', async () => {
    const { store, api } = testStore()
    api.matters.list.mockResolvedValueOnce(page(1, 20, 60))
    await store.catalog.reloadList()
    const second = deferred<MatterPage>()
    api.matters.list.mockReturnValueOnce(second.promise)
    const a = store.catalog.loadMore()
    const b = store.catalog.loadMore()
    second.resolve(page(2, 20, 60))
    await Promise.all([a, b])
    expect(api.matters.list).toHaveBeenCalledTimes(2)
    expect(store.catalog.items).toHaveLength(40)
  })

  it('drops the answer to an older query when the filters changed meanwhile', async () => {
    const { store, api } = testStore()
    const stale = deferred<MatterPage>()
    api.matters.list.mockReturnValueOnce(stale.promise).mockResolvedValueOnce(page(1, 2, 2))
    const first = store.catalog.setFilters({ q: '社保' })
    const second = store.catalog.setFilters({ q: '营业执照' })
    stale.resolve(page(1, 7, 7))
    await Promise.all([first, second])
    expect(store.catalog.items).toHaveLength(2)
    expect(store.catalog.total).toBe(2)
    expect(store.catalog.filters.q).toBe('营业执照')
  })

  it('shows the error and keeps loaded items when a page fails', async () => {
    const { store, api } = testStore()
    api.matters.list.mockResolvedValueOnce(page(1, 20, 30)).mockRejectedValueOnce(apiError(0, '网络连接失败，请检查网络后重试'))
    await store.catalog.reloadList()
    await store.catalog.loadMore()
    expect(store.catalog.listStatus).toBe('error')
    expect(store.catalog.listError).toBe('网络连接失败，请检查网络后重试')
    expect(store.catalog.items).toHaveLength(20)
    expect(store.catalog.page).toBe(1)
  })

  it('resetFilters clears every filter except those given', async () => {
    const { store, api } = testStore()
    api.matters.list.mockResolvedValue(page(1, 1, 1))
    await store.catalog.setFilters({ q: 'abc', topic: '开办企业', audience: 'company' })
    await store.catalog.resetFilters({ departmentId: 'dept-market' })
    expect(store.catalog.filters).toEqual({ q: '', audience: null, topic: null, departmentId: 'dept-market' })
  })
})

describe('CatalogStore facets and guides', () => {
  it('loads the catalog once and splits topics by audience', async () => {
    const { store, api } = testStore()
    api.catalog.get.mockResolvedValue(catalog())
    await store.catalog.loadCatalog()
    await store.catalog.loadCatalog()
    expect(api.catalog.get).toHaveBeenCalledTimes(1)
    expect(store.catalog.topicsFor('company').map((t) => t.name)).toEqual(['开办企业'])
    expect(store.catalog.topicsFor('person').map((t) => t.name)).toEqual(['社会保障'])
  })

  it('caches a guide and reloads it only when forced', async () => {
    const { store, api } = testStore()
    const detail = matterDetail()
    api.matters.get.mockResolvedValue(detail)
    await store.catalog.loadMatter(detail.id)
    await store.catalog.loadMatter(detail.id)
    expect(api.matters.get).toHaveBeenCalledTimes(1)
    expect(store.catalog.matter(detail.id)).toEqual(detail)
    await store.catalog.loadMatter(detail.id, true)
    expect(api.matters.get).toHaveBeenCalledTimes(2)
  })

  it('reports a missing guide with the server message', async () => {
    const { store, api } = testStore()
    api.matters.get.mockRejectedValue(apiError(404, '未找到该事项'))
    await store.catalog.loadMatter('nope')
    expect(store.catalog.detailStatus('nope')).toEqual({ status: 'error', error: '未找到该事项' })
    expect(store.catalog.matter('nope')).toBeUndefined()
  })
})

describe('StaffStore', () => {
  it('puts the saved guide into the citizen-facing cache', async () => {
    const { store, api } = testStore()
    const saved = matterDetail({ consultPhone: '0937-1111111' })
    api.staff.patchMatter.mockResolvedValue(saved)
    await staffOf(store).saveGuide(saved.id, { consultPhone: '0937-1111111' })
    expect(api.staff.patchMatter).toHaveBeenCalledWith(saved.id, { consultPhone: '0937-1111111' })
    expect(store.catalog.matter(saved.id)?.consultPhone).toBe('0937-1111111')
  })

  it('forgets the department list when the session ends', async () => {
    const { store, api } = testStore()
    api.auth.signInStaff.mockResolvedValue({
      token: 't',
      expiresAt: '2099-01-01T00:00:00.000Z',
      staff: { id: 's', username: 'u', displayName: 'U', role: 'window', department: null } as never,
    })
    api.staff.listMatters.mockResolvedValue(page(1, 3, 3))
    await store.session.signInStaff('u', 'p')
    await staffOf(store).reload()
    expect(staffOf(store).matters).toHaveLength(3)
    store.session.expire()
    expect(staffOf(store).matters).toHaveLength(0)
    expect(staffOf(store).status).toBe('idle')
  })
})
