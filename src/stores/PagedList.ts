import { makeAutoObservable, runInAction } from 'mobx'
import { userMessage } from '../api'
import type { LoadStatus } from './loadState'

export interface PageOf<T> {
  items: T[]
  total: number
}

/**
 * One paged server list as a screen shows it: pages appended in order, one
 * request at a time, and an answer to a query made before the last reload
 * dropped. Stores own one per list; the query lives in `fetchPage`.
 *
 * Promise chains rather than async/await here and in the other main-package
 * stores: the ES5 build turns each async function into a regenerator state
 * machine, and the main package has little room (src/README.md, budgets).
 */
export class PagedList<T extends { id: string }> {
  items: T[] = []
  total = 0
  /** Last page loaded; 0 before the first. */
  page = 0
  status: LoadStatus = 'idle'
  error: string | null = null
  private generation = 0

  constructor(private readonly fetchPage: (page: number) => Promise<PageOf<T>>) {
    makeAutoObservable<PagedList<T>, 'fetchPage' | 'generation'>(this, { fetchPage: false, generation: false })
  }

  get hasMore(): boolean {
    return this.page === 0 || this.items.length < this.total
  }

  reload(): Promise<void> {
    this.reset()
    return this.load(1)
  }

  loadMore(): Promise<void> {
    if (this.status === 'loading' || !this.hasMore) return Promise.resolve()
    return this.load(this.page + 1)
  }

  /** Applies what the server just said about one item (e.g. after an action). */
  patch(id: string, change: Partial<T>): void {
    this.items = this.items.map((item) => (item.id === id ? { ...item, ...change } : item))
  }

  reset(): void {
    this.generation += 1
    this.items = []
    this.total = 0
    this.page = 0
    this.status = 'idle'
    this.error = null
  }

  private load(page: number): Promise<void> {
    const generation = this.generation
    const current = () => generation === this.generation
    this.status = 'loading'
    this.error = null
    return this.fetchPage(page).then(
      (result) =>
        runInAction(() => {
          if (!current()) return
          const known = new Set(this.items.map((item) => item.id))
          this.items = this.items.concat(result.items.filter((item) => !known.has(item.id)))
          this.total = result.total
          this.page = page
          this.status = 'ready'
        }),
      (error: unknown) =>
        runInAction(() => {
          if (!current()) return
          this.status = 'error'
          this.error = userMessage(error)
        }),
    )
  }
}
