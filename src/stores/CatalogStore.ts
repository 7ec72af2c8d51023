import { makeAutoObservable, runInAction } from 'mobx'
import type { Audience } from '../../types/enums'
import type { Catalog } from '../../types/catalog'
import type { MatterDetail, MatterSummary } from '../../types/matters'
import { userMessage, type Api } from '../api'
import type { LoadStatus } from './loadState'

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
  items: MatterSummary[] = []
  total = 0
  /** Last page loaded; 0 before the first. */
  page = 0
  listStatus: LoadStatus = 'idle'
  listError: string | null = null

  private readonly details = new Map<string, MatterDetail>()
  private readonly detailEntries = new Map<string, DetailEntry>()
  /** Bumped on every new query, so an answer to an older one is dropped. */
  private listGeneration = 0

  constructor(private readonly api: Api) {
    makeAutoObservable<CatalogStore, 'api' | 'listGeneration'>(this, { api: false, listGeneration: false })
  }

  get hasMore(): boolean {
    return this.page === 0 || this.items.length < this.total
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

  async loadCatalog(force = false): Promise<void> {
    if (!force && (this.catalogStatus === 'ready' || this.catalogStatus === 'loading')) return
    this.catalogStatus = 'loading'
    this.catalogError = null
    try {
      const catalog = await this.api.catalog.get()
      runInAction(() => {
        this.catalog = catalog
        this.catalogStatus = 'ready'
      })
    } catch (error) {
      runInAction(() => {
        this.catalogStatus = 'error'
        this.catalogError = userMessage(error)
      })
    }
  }

  async loadHot(): Promise<void> {
    if (this.hotStatus === 'loading') return
    this.hotStatus = 'loading'
    try {
      const page = await this.api.matters.list({ page: 1, pageSize: HOT_MATTER_COUNT })
      runInAction(() => {
        this.hot = page.items
        this.hotStatus = 'ready'
      })
    } catch {
      runInAction(() => (this.hotStatus = 'error'))
    }
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
    this.listGeneration += 1
    this.items = []
    this.total = 0
    this.page = 0
    return this.loadPage(1)
  }

  /** Loads the next page, unless one is loading or everything is here. */
  loadMore(): Promise<void> {
    if (this.listStatus === 'loading' || !this.hasMore) return Promise.resolve()
    return this.loadPage(this.page + 1)
  }

  private async loadPage(page: number): Promise<void> {
    const generation = this.listGeneration
    const { q, audience, topic, departmentId } = this.filters
    this.listStatus = 'loading'
    this.listError = null
    try {
      const result = await this.api.matters.list({
        q: q.trim() || undefined,
        audience: audience ?? undefined,
        topic: topic ?? undefined,
        departmentId: departmentId ?? undefined,
        page,
        pageSize: MATTER_PAGE_SIZE,
      })
      runInAction(() => {
        if (generation !== this.listGeneration) return
        const known = new Set(this.items.map((m) => m.id))
        this.items = this.items.concat(result.items.filter((m) => !known.has(m.id)))
        this.total = result.total
        this.page = page
        this.listStatus = 'ready'
      })
    } catch (error) {
      runInAction(() => {
        if (generation !== this.listGeneration) return
        this.listStatus = 'error'
        this.listError = userMessage(error)
      })
    }
  }

  matter(id: string): MatterDetail | undefined {
    return this.details.get(id)
  }

  detailStatus(id: string): DetailEntry {
    return this.detailEntries.get(id) ?? { status: 'idle', error: null }
  }

  /** Loads a guide into the cache (again when `force`). */
  async loadMatter(id: string, force = false): Promise<void> {
    const current = this.detailStatus(id).status
    if (current === 'loading' || (!force && current === 'ready')) return
    this.detailEntries.set(id, { status: 'loading', error: null })
    try {
      const detail = await this.api.matters.get(id)
      runInAction(() => this.remember(detail))
    } catch (error) {
      runInAction(() => this.detailEntries.set(id, { status: 'error', error: userMessage(error) }))
    }
  }

  /** Puts a guide the server just returned (e.g. after a staff edit) into the cache. */
  remember(detail: MatterDetail): void {
    this.details.set(detail.id, detail)
    this.detailEntries.set(detail.id, { status: 'ready', error: null })
  }
}
