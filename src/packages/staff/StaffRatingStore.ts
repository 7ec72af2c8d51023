import { makeAutoObservable, runInAction } from 'mobx'
import type { Light, RatingGranularity } from '../../../types/enums'
import type { RatingStatistics, StaffBadRatingDetail, StaffBadRatingSummary } from '../../../types/ratings'
import { ApiError, userMessage } from '../../api/ApiError'
import { staffRatingsApi, type StaffRatingsApi } from '../../api/staffRatings'
import type { LoadEntry } from '../../stores/CaseStore'
import type { LoadStatus } from '../../stores/loadState'
import { PagedList } from '../../stores/PagedList'
import type { RootStore } from '../../stores/RootStore'

export const BAD_RATING_PAGE_SIZE = 20

export interface BadRatingFilters {
  light: Light | null
  /** Only 待核实 / 整改中 (the default), or every 差评. */
  open: boolean
}

/** The fields of the four staff actions, and `form` for a refusal about none of them. */
export type BadRatingField = 'note' | 'measures' | 'reply' | 'evidence' | 'comment' | 'form'
export type BadRatingErrors = Partial<Record<BadRatingField, string>>

/** The contract's lengths (types/ratings.ts), checked before sending only to spare a round trip. */
export const LIMITS = { note: 2, measures: 2, reply: 5, evidence: 10, comment: 2 } as const
const MESSAGES: Record<keyof typeof LIMITS, string> = {
  note: `请填写核实情况（至少${LIMITS.note}个字）`,
  measures: `请填写整改措施（至少${LIMITS.measures}个字）`,
  reply: `请填写给群众的回复（至少${LIMITS.reply}个字）`,
  evidence: `请填写申诉理由与证据说明（至少${LIMITS.evidence}个字）`,
  comment: `请填写裁定意见（至少${LIMITS.comment}个字）`,
}

/** Field errors for these texts; empty when every one is long enough. */
export function checkTexts(texts: Partial<Record<keyof typeof LIMITS, string>>): BadRatingErrors {
  const errors: BadRatingErrors = {}
  for (const [field, text] of Object.entries(texts) as Array<[keyof typeof LIMITS, string]>) {
    if (text.trim().length < LIMITS[field]) errors[field] = MESSAGES[field]
  }
  return errors
}

const IDLE: LoadEntry = { status: 'idle', error: null }

/**
 * The department's 差评 loop (好差评): the list with lights (server order:
 * most urgent first), one 差评 with the actions the server allows — 核实,
 * 整改并回复 (the reply goes to the citizen), 申诉 with evidence — the
 * admin's appeal decisions, and a lead's statistics for the charts.
 *
 * Built on first use by the staff subpackage (`staffRatingsOf`), so its code ships there.
 */
export class StaffRatingStore {
  filters: BadRatingFilters = { light: null, open: true }
  readonly list: PagedList<StaffBadRatingSummary>
  /** Appeals waiting for an admin's decision. */
  readonly appeals: PagedList<StaffBadRatingSummary>

  statistics: RatingStatistics | null = null
  statisticsStatus: LoadStatus = 'idle'
  statisticsError: string | null = null
  granularity: RatingGranularity = 'month'

  private readonly details = new Map<string, StaffBadRatingDetail>()
  private readonly entries = new Map<string, LoadEntry>()

  constructor(private readonly api: StaffRatingsApi) {
    this.list = new PagedList((page) =>
      api.list({ page, pageSize: BAD_RATING_PAGE_SIZE, light: this.filters.light ?? undefined, open: this.filters.open || undefined }),
    )
    this.appeals = new PagedList((page) => api.list({ page, pageSize: BAD_RATING_PAGE_SIZE, appealStatus: 'pending' }))
    makeAutoObservable<StaffRatingStore, 'api'>(this, { api: false, list: false, appeals: false })
  }

  setFilters(patch: Partial<BadRatingFilters>): Promise<void> {
    this.filters = { ...this.filters, ...patch }
    return this.list.reload()
  }

  // ---- one 差评 ----

  ratingById(id: string): StaffBadRatingDetail | undefined {
    return this.details.get(id)
  }

  detailStatus(id: string): LoadEntry {
    return this.entries.get(id) ?? IDLE
  }

  loadRating(id: string): Promise<void> {
    this.entries.set(id, { status: 'loading', error: null })
    return this.api.get(id).then(
      (detail) => this.remember(detail),
      (error: unknown) => runInAction(() => void this.entries.set(id, { status: 'error', error: userMessage(error) })),
    )
  }

  /** 核实 (待核实 → 整改中). Resolves with the errors to show; empty when done. */
  verify(id: string, note: string): Promise<BadRatingErrors> {
    return this.act(checkTexts({ note }), () => this.api.verify(id, { note: note.trim() }))
  }

  /** 整改并回复: the measures stay internal; the reply reaches the citizen, who may then rate again. */
  rectify(id: string, measures: string, reply: string): Promise<BadRatingErrors> {
    return this.act(checkTexts({ measures, reply }), () => this.api.rectify(id, { measures: measures.trim(), reply: reply.trim() }))
  }

  /** 申诉 a malicious rating, with the evidence an admin will weigh. */
  appeal(id: string, evidence: string): Promise<BadRatingErrors> {
    return this.act(checkTexts({ evidence }), () => this.api.appeal(id, { evidence: evidence.trim() }))
  }

  /** An admin's decision: upheld leaves the rating out of every statistic; rejected continues the loop. */
  decideAppeal(id: string, decision: 'upheld' | 'rejected', comment: string): Promise<BadRatingErrors> {
    return this.act(checkTexts({ comment }), () => this.api.decideAppeal(id, { decision, comment: comment.trim() })).then((errors) => {
      if (Object.keys(errors).length === 0) runInAction(() => (this.appeals.items = this.appeals.items.filter((item) => item.id !== id)))
      return errors
    })
  }

  // ---- statistics ----

  setGranularity(granularity: RatingGranularity): Promise<void> {
    this.granularity = granularity
    return this.loadStatistics()
  }

  loadStatistics(): Promise<void> {
    this.statisticsStatus = 'loading'
    this.statisticsError = null
    return this.api.statistics({ granularity: this.granularity }).then(
      (statistics) =>
        runInAction(() => {
          this.statistics = statistics
          this.statisticsStatus = 'ready'
        }),
      (error: unknown) =>
        runInAction(() => {
          this.statisticsStatus = 'error'
          this.statisticsError = userMessage(error)
        }),
    )
  }

  reset(): void {
    this.filters = { light: null, open: true }
    this.list.reset()
    this.appeals.reset()
    this.statistics = null
    this.statisticsStatus = 'idle'
    this.statisticsError = null
    this.granularity = 'month'
    this.details.clear()
    this.entries.clear()
  }

  private async act(errors: BadRatingErrors, call: () => Promise<StaffBadRatingDetail>): Promise<BadRatingErrors> {
    if (Object.keys(errors).length) return errors
    try {
      const detail = await call()
      this.remember(detail)
      return {}
    } catch (error) {
      const field = error instanceof ApiError ? (error.field as BadRatingField | undefined) : undefined
      return { [field && field in LIMITS ? field : 'form']: userMessage(error) }
    }
  }

  private remember(detail: StaffBadRatingDetail): void {
    runInAction(() => {
      this.details.set(detail.id, detail)
      this.entries.set(detail.id, { status: 'ready', error: null })
      this.list.patch(detail.id, { status: detail.status, appealStatus: detail.appealStatus, deadline: detail.deadline })
    })
  }
}

/** The staff rating store of this RootStore, built on first use (tests pass a fake `client`). */
export function staffRatingsOf(root: RootStore, client: StaffRatingsApi = staffRatingsApi): StaffRatingStore {
  return root.feature('staffRatings', () => new StaffRatingStore(client))
}
