import { makeAutoObservable, runInAction } from 'mobx'
import type { StaffPartDetail, StaffPartSummary } from '../../../types/prereviews'
import { PREREVIEW_DECISIONS, type Light, type MaterialVerdict, type PrereviewDecision } from '../../../types/enums'
import { ApiError, userMessage } from '../../api/ApiError'
import { staffPrereviewsApi, type StaffPrereviewsApi } from '../../api/staffPrereviews'
import type { LoadEntry } from '../../stores/CaseStore'
import { PagedList } from '../../stores/PagedList'
import type { RootStore } from '../../stores/RootStore'

export const STAFF_PREREVIEW_PAGE_SIZE = 20

/** A queue row: the server's part summary keyed by its part id (PagedList needs `id`). */
export type StaffPartItem = StaffPartSummary & { id: string }

export interface PrereviewQueueFilters {
  light: Light | null
}

export type StaffPartMaterial = StaffPartDetail['materials'][number]

/** The order the decision buttons appear in; which of them is offered is the server's `allowedDecisions`. */
const DECISION_ORDER = Object.keys(PREREVIEW_DECISIONS) as PrereviewDecision[]

export interface DecisionInput {
  comment: string
  /** 容缺通过 only: the materials supplied later and the date the citizen promises them by. */
  tolerance?: { materialKeys: string[]; promisedOn: string }
}

const IDLE: LoadEntry = { status: 'idle', error: null }

/**
 * The window's pre-review (预审) work, by part: the department's queue
 * (server-ordered by urgency), one part with its claim, verdicts per
 * material, and the reply. Which replies are possible, deadlines, lights and
 * claims are the server's; this store only keeps the latest answer.
 *
 * Built on first use by the staff subpackage (`staffPrereviewsOf`), so its
 * code ships there and not in the main package.
 */
export class StaffPrereviewStore {
  filters: PrereviewQueueFilters = { light: null }
  readonly queue: PagedList<StaffPartItem>

  private readonly details = new Map<string, StaffPartDetail>()
  private readonly entries = new Map<string, LoadEntry>()
  /** The server's sentence when it refused us the claim (a colleague holds it). */
  private readonly claimErrors = new Map<string, string>()

  constructor(
    private readonly api: StaffPrereviewsApi,
    private readonly now: () => number = Date.now,
  ) {
    this.queue = new PagedList((page) =>
      api
        .list({ page, pageSize: STAFF_PREREVIEW_PAGE_SIZE, light: this.filters.light ?? undefined, active: true })
        .then((result) => ({ total: result.total, items: result.items.map((item) => ({ ...item, id: item.partId })) })),
    )
    makeAutoObservable<StaffPrereviewStore, 'api' | 'now'>(this, { api: false, now: false, queue: false })
  }

  setFilters(patch: Partial<PrereviewQueueFilters>): Promise<void> {
    this.filters = { ...this.filters, ...patch }
    return this.queue.reload()
  }

  partById(partId: string): StaffPartDetail | undefined {
    return this.details.get(partId)
  }

  detailStatus(partId: string): LoadEntry {
    return this.entries.get(partId) ?? IDLE
  }

  claimError(partId: string): string | null {
    return this.claimErrors.get(partId) ?? null
  }

  /** Whether this reviewer may mark materials and reply now: the part waits for review and the claim is ours. */
  canReview(partId: string): boolean {
    const detail = this.details.get(partId)
    return !!detail && detail.status === 'pending' && !!detail.claim?.mine && !this.expired(detail)
  }

  /** The replies to offer, in a fixed order, exactly those the server allows. */
  decisionsFor(partId: string): PrereviewDecision[] {
    const allowed = this.details.get(partId)?.allowedDecisions ?? []
    return DECISION_ORDER.filter((decision) => allowed.includes(decision))
  }

  /**
   * What 容缺 may leave out: non-essential materials (accepting 容缺, or not
   * required) that stand between the part and a pass — returned, or required
   * and never attached. The server checks the same when the reply is sent.
   */
  toleranceCandidates(partId: string): StaffPartMaterial[] {
    const materials = this.details.get(partId)?.materials ?? []
    return materials.filter(
      ({ slot, files, verdict }) =>
        (slot.acceptsTolerance || !slot.required) && (verdict?.verdict === 'return' || (slot.required && files.length === 0)),
    )
  }

  /**
   * Opens a part for review: loads it fresh and claims it when it waits for
   * review and nobody holds an unexpired claim. A colleague's claim leaves it
   * read-only (who, and until when, is in `claim`).
   */
  async open(partId: string): Promise<void> {
    this.claimErrors.delete(partId)
    await this.load(partId)
    const detail = this.details.get(partId)
    if (detail && detail.status === 'pending' && (!detail.claim || this.expired(detail))) await this.claim(partId)
  }

  /** Claims the part; a refusal (409: someone else was quicker) is kept as the server said it, and the part reloaded to show who. */
  async claim(partId: string): Promise<void> {
    try {
      const detail = await this.api.claim(partId)
      runInAction(() => {
        this.claimErrors.delete(partId)
        this.remember(detail)
      })
    } catch (error) {
      runInAction(() => this.claimErrors.set(partId, userMessage(error)))
      if (error instanceof ApiError && error.status === 409) await this.load(partId)
    }
  }

  /** Gives the part back when leaving without a reply. Best effort: the claim expires anyway. */
  async releaseIfHeld(partId: string): Promise<void> {
    if (!this.canReview(partId)) return
    try {
      const detail = await this.api.release(partId)
      runInAction(() => this.remember(detail))
    } catch {
      // Offline or already expired: the server lets the claim lapse on its own.
    }
  }

  /** Marks one material; the server's answer (verdicts, allowed decisions, renewed claim) replaces ours. Rejects with its reason. */
  async markMaterial(partId: string, slotKey: string, verdict: MaterialVerdict, reason: string): Promise<void> {
    const detail = await this.settle(partId, this.api.markMaterial(partId, slotKey, { verdict, reason: reason.trim() }))
    runInAction(() => this.remember(detail))
  }

  /** Replies to the citizen. Resolves with the decided part (its status, reply and receipt). Rejects with the server's reason. */
  async decide(partId: string, decision: PrereviewDecision, input: DecisionInput): Promise<StaffPartDetail> {
    const detail = await this.settle(
      partId,
      this.api.decide(partId, {
        decision,
        comment: input.comment.trim(),
        ...(decision === 'tolerate' && input.tolerance ? { tolerance: input.tolerance } : {}),
      }),
    )
    runInAction(() => this.remember(detail))
    return detail
  }

  reset(): void {
    this.filters = { light: null }
    this.queue.reset()
    this.details.clear()
    this.entries.clear()
    this.claimErrors.clear()
  }

  private async load(partId: string): Promise<void> {
    this.entries.set(partId, { status: 'loading', error: null })
    try {
      const detail = await this.api.get(partId)
      runInAction(() => this.remember(detail))
    } catch (error) {
      runInAction(() => this.entries.set(partId, { status: 'error', error: userMessage(error) }))
    }
  }

  /**
   * A 409 means the part moved under us (claim lapsed and taken, or already
   * answered): reload it so the page shows what is true now, then reject
   * with the server's sentence.
   */
  private async settle(partId: string, request: Promise<StaffPartDetail>): Promise<StaffPartDetail> {
    try {
      return await request
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) await this.load(partId)
      throw error
    }
  }

  private expired(detail: StaffPartDetail): boolean {
    return !!detail.claim && Date.parse(detail.claim.expiresAt) <= this.now()
  }

  private remember(detail: StaffPartDetail): void {
    this.details.set(detail.partId, detail)
    this.entries.set(detail.partId, { status: 'ready', error: null })
    this.queue.patch(detail.partId, { status: detail.status, claim: detail.claim, round: detail.round, deadline: detail.deadline })
  }
}

/** The staff pre-review store of this RootStore, built on first use (tests pass a fake `client`). */
export function staffPrereviewsOf(root: RootStore, client: StaffPrereviewsApi = staffPrereviewsApi): StaffPrereviewStore {
  return root.feature('staffPrereviews', () => new StaffPrereviewStore(client))
}
