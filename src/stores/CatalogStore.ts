import { makeAutoObservable, runInAction } from 'mobx'
import type { Audience } from '../../types/enums'
import type { Catalog } from '../../types/catalog'
import type { MatterDetail, MatterSummary } from '../../types/matters'
import { userMessage, type Api } from '../api'
import type { LoadStatus } from './loadState'
import { PagedList } from './PagedList'

export const MATTER_PAGE_SIZE = 20
export const HOT_MATTER_COUNT = 6

/** What the citizen filters the matter list by; the server does the matching. */
export interface MatterFilters {
  q: string
  audience: Audience | null
  topic: string | null
  departmentId: string | null
}

export const EMPTY_FILTERS: MatterFilters = { q: '', audience: null, topic: null, departmentId: null }

interface DetailEntry {
  status: LoadStatus
  error: string | null
}

/**
 * The service catalog as citizens browse it: the facets (departments,
 * topics), the filtered and paged matter list, a few 热门事项 for the home
 * page, and a cache of full guides.
 */
export class CatalogStore {
  catalog: Catalog | null = null
  catalogStatus: LoadStatus = 'idle'
  catalogError: string | null = null

  hot: MatterSummary[] = []
  hotStatus: LoadStatus = 'idle'

  filters: MatterFilters = { ...EMPTY_FILTERS }
  /** The filtered matter list; pages, stale answers and errors are PagedList's business. */
  readonly list: PagedList<MatterSummary>

  private readonly details = new Map<string, MatterDetail>()
  private readonly detailEntries = new Map<string, DetailEntry>()
  constructor(private readonly api: Api) {
    this.list = new PagedList((page) => {
      const { q, audience, topic, departmentId } = this.filters
      return api.matters.list({
        q: q.trim() || undefined,
        audience: audience ?? undefined,
        topic: topic ?? undefined,
        departmentId: departmentId ?? undefined,
        page,
        pageSize: MATTER_PAGE_SIZE,
      })
    })
    makeAutoObservable<CatalogStore, 'api'>(this, { api: false, list: false })
  }

  get items(): MatterSummary[] {
    return this.list.items
  }

  get total(): number {
    return this.list.total
  }

  /** Last page loaded; 0 before the first. */
  get page(): number {
    return this.list.page
  }

  get listStatus(): LoadStatus {
    return this.list.status
  }

  get listError(): string | null {
    return this.list.error
  }

  get hasMore(): boolean {
    return this.list.hasMore
  }

  topicsFor(audience: Audience): Catalog['topics'] {
    return (this.catalog?.topics ?? []).filter((t) => t.audience === audience)
  }

  /** Topic names for one audience, or for both (each name once) when none is chosen. */
  topicNames(audience: Audience | null): string[] {
    const topics = audience ? this.topicsFor(audience) : (this.catalog?.topics ?? [])
    return Array.from(new Set(topics.map((t) => t.name)))
  }

  get departments(): Catalog['departments'] {
    return this.catalog?.departments ?? []
  }

  // Promise chains rather than async/await in this main-package store: see PagedList.
  loadCatalog(force = false): Promise<void> {
    if (!force && (this.catalogStatus === 'ready' || this.catalogStatus === 'loading')) return Promise.resolve()
    this.catalogStatus = 'loading'
    this.catalogError = null
    return this.api.catalog.get().then(
      (catalog) =>
        runInAction(() => {
          this.catalog = catalog
          this.catalogStatus = 'ready'
        }),
      (error: unknown) =>
        runInAction(() => {
          this.catalogStatus = 'error'
          this.catalogError = userMessage(error)
        }),
    )
  }

  loadHot(): Promise<void> {
    if (this.hotStatus === 'loading') return Promise.resolve()
    this.hotStatus = 'loading'
    return this.api.matters.list({ page: 1, pageSize: HOT_MATTER_COUNT }).then(
      (page) =>
        runInAction(() => {
          this.hot = page.items
          this.hotStatus = 'ready'
        }),
      () => runInAction(() => void (this.hotStatus = 'error')),
    )
  }

  /** Changes some filters and loads the first page of the new result. */
  setFilters(patch: Partial<MatterFilters>): Promise<void> {
    this.filters = { ...this.filters, ...patch }
    return this.reloadList()
  }

  resetFilters(patch: Partial<MatterFilters> = {}): Promise<void> {
    this.filters = { ...EMPTY_FILTERS, ...patch }
    return this.reloadList()
  }

  reloadList(): Promise<void> {
    return this.list.reload()
  }

  /** Loads the next page, unless one is loading or everything is here. */
  loadMore(): Promise<void> {
    return this.list.loadMore()
  }

  matter(id: string): MatterDetail | undefined {
    return this.details.get(id)
  }

  detailStatus(id: string): DetailEntry {
    return this.detailEntries.get(id) ?? { status: 'idle', error: null }
  }

  /** Loads a guide into the cache (again when `force`). */
  loadMatter(id: string, force = false): Promise<void> {
    const current = this.detailStatus(id).status
    if (current === 'loading' || (!force && current === 'ready')) return Promise.resolve()
    this.detailEntries.set(id, { status: 'loading', error: null })
    return this.api.matters.get(id).then(
      (detail) => runInAction(() => this.remember(detail)),
      (error: unknown) => runInAction(() => void this.detailEntries.set(id, { status: 'error', error: userMessage(error) })),
    )
  }

  /** Puts a guide the server just returned (e.g. after a staff edit) into the cache. */
  remember(detail: MatterDetail): void {
    this.details.set(detail.id, detail)
    this.detailEntries.set(detail.id, { status: 'ready', error: null })
  }
}
