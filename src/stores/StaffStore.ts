import { makeAutoObservable, runInAction } from 'mobx'
import type { MatterGuidePatch, MatterSummary } from '../../types/matters'
import { userMessage, type Api } from '../api'
import type { CatalogStore } from './CatalogStore'
import type { LoadStatus } from './loadState'
import type { RootStore } from './RootStore'

export const STAFF_MATTER_PAGE_SIZE = 20

/**
 * A staff member's workbench: the matters of their department (all, for an
 * admin) and edits to the parts of a guide staff maintain (phones, FAQ).
 * Built on first use by the staff subpackage (`staffOf`), so its code ships there.
 */
export class StaffStore {
  matters: MatterSummary[] = []
  total = 0
  page = 0
  status: LoadStatus = 'idle'
  error: string | null = null
  private generation = 0

  constructor(
    private readonly api: Api,
    private readonly catalog: CatalogStore,
  ) {
    makeAutoObservable<StaffStore, 'api' | 'catalog' | 'generation'>(this, {
      api: false,
      catalog: false,
      generation: false,
    })
  }

  get hasMore(): boolean {
    return this.page === 0 || this.matters.length < this.total
  }

  reload(): Promise<void> {
    this.reset()
    return this.loadPage(1)
  }

  loadMore(): Promise<void> {
    if (this.status === 'loading' || !this.hasMore) return Promise.resolve()
    return this.loadPage(this.page + 1)
  }

  /** Saves an edit; the server's guide replaces the cached one. */
  async saveGuide(matterId: string, patch: MatterGuidePatch): Promise<void> {
    const detail = await this.api.staff.patchMatter(matterId, patch)
    this.catalog.remember(detail)
  }

  /** Forgets everything (on sign-out). */
  reset(): void {
    this.generation += 1
    this.matters = []
    this.total = 0
    this.page = 0
    this.status = 'idle'
    this.error = null
  }

  private async loadPage(page: number): Promise<void> {
    const generation = this.generation
    this.status = 'loading'
    this.error = null
    try {
      const result = await this.api.staff.listMatters({ page, pageSize: STAFF_MATTER_PAGE_SIZE })
      runInAction(() => {
        if (generation !== this.generation) return
        this.matters = this.matters.concat(result.items)
        this.total = result.total
        this.page = page
        this.status = 'ready'
      })
    } catch (error) {
      runInAction(() => {
        if (generation !== this.generation) return
        this.status = 'error'
        this.error = userMessage(error)
      })
    }
  }
}

/** The staff workbench store of this RootStore, built on first use. */
export function staffOf(root: RootStore): StaffStore {
  return root.feature('staff', (api) => new StaffStore(api, root.catalog))
}
