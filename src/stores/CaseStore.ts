import { makeAutoObservable, runInAction } from 'mobx'
import type { CaseDetail, CaseProgress, CaseSummary } from '../../types/cases'
import { userMessage, type Api } from '../api'
import type { LoadStatus } from './loadState'
import { PagedList } from './PagedList'

export const CASE_PAGE_SIZE = 20

export interface LoadEntry {
  status: LoadStatus
  error: string | null
}

const IDLE: LoadEntry = { status: 'idle', error: null }

/**
 * A citizen's cases (办件): 我的办件 (paged), each case's detail with its
 * timeline, 撤回, and the anonymous lookup by number + query password that
 * needs no sign-in. What may be done to a case is the server's answer
 * (`allowedActions`), never worked out here. (Promise chains: see PagedList.)
 */
export class CaseStore {
  readonly mine: PagedList<CaseSummary>

  /** The last anonymous lookup's answer (progress only, no personal data). */
  progress: CaseProgress | null = null
  lookupStatus: LoadStatus = 'idle'
  lookupError: string | null = null
  /** The number and query password of that answer (memory only; `scanned` from the QR code): rating by receipt reuses them. */
  lookupCode: { number: string; password: string; scanned: boolean } | null = null

  private readonly details = new Map<string, CaseDetail>()
  private readonly entries = new Map<string, LoadEntry>()

  constructor(private readonly api: Api) {
    this.mine = new PagedList((page) => api.cases.list({ page, pageSize: CASE_PAGE_SIZE }))
    makeAutoObservable<CaseStore, 'api'>(this, { api: false, mine: false })
  }

  caseById(id: string): CaseDetail | undefined {
    return this.details.get(id)
  }

  detailStatus(id: string): LoadEntry {
    return this.entries.get(id) ?? IDLE
  }

  loadCase(id: string): Promise<void> {
    this.entries.set(id, { status: 'loading', error: null })
    return this.api.cases.get(id).then(
      (detail) => this.remember(detail),
      (error: unknown) => runInAction(() => void this.entries.set(id, { status: 'error', error: userMessage(error) })),
    )
  }

  /** 撤回: the server's answer replaces the case here and in 我的办件. Rejects with the server's reason. */
  withdraw(id: string, reason: string): Promise<void> {
    return this.api.cases.withdraw(id, reason.trim()).then((detail) => this.remember(detail))
  }

  /** True when the server answered with the case's progress; otherwise `lookupError` says why. */
  lookup(number: string, password: string, scanned = false): Promise<boolean> {
    this.lookupStatus = 'loading'
    this.lookupError = null
    const code = { number: number.trim(), password: password.trim() }
    return this.api.cases.lookup(code).then(
      (progress) =>
        runInAction(() => {
          this.progress = progress
          this.lookupCode = { ...code, scanned }
          this.lookupStatus = 'ready'
          return true
        }),
      (error: unknown) =>
        runInAction(() => {
          this.progress = null
          this.lookupCode = null
          this.lookupStatus = 'error'
          this.lookupError = userMessage(error)
          return false
        }),
    )
  }

  /** Forgets the signed-in citizen's cases (on sign-out); an anonymous lookup stays. */
  reset(): void {
    this.mine.reset()
    this.details.clear()
    this.entries.clear()
  }

  private remember(detail: CaseDetail): void {
    runInAction(() => {
      this.details.set(detail.id, detail)
      this.entries.set(detail.id, { status: 'ready', error: null })
      this.mine.patch(detail.id, { status: detail.status, deadline: detail.deadline })
    })
  }
}
