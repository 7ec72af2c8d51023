import { makeAutoObservable, runInAction } from 'mobx'
import type { AnonymousRatingReceipt, AnonymousRatingTarget, RateableItem, RatingDetail } from '../../../types/ratings'
import { ApiError, userMessage } from '../../api/ApiError'
import { ratingsApi, type RatingsApi } from '../../api/ratings'
import type { ReceiptCode } from '../../components/receiptCode'
import type { LoadEntry } from '../../stores/CaseStore'
import type { LoadStatus } from '../../stores/loadState'
import type { RootStore } from '../../stores/RootStore'
import { ratingContent, validateRating, type RatingDraft, type RatingErrors } from './ratingDraft'

const IDLE: LoadEntry = { status: 'idle', error: null }

/** A signed-in rating: `pc` from a desktop browser, otherwise `mobile`. */
export type SignedInChannel = 'pc' | 'mobile'
/** An anonymous rating: `qrCode` when the receipt's code was scanned, `mobile` when typed or from the lookup. */
export type AnonymousChannel = 'mobile' | 'qrCode'

export type RatingOutcome = { ok: true; rating: RatingDetail } | { ok: false; errors: RatingErrors }
export type AnonymousOutcome = { ok: true; receipt: AnonymousRatingReceipt } | { ok: false; errors: RatingErrors }

/** The receipt being rated without signing in: its code (memory only) and what the server said it allows. */
export interface AnonymousSession {
  code: ReceiptCode
  channel: AnonymousChannel
  target: AnonymousRatingTarget
}

/** A server refusal, put beside the part of the form it is about. */
function refusal(error: unknown): RatingErrors {
  const message = userMessage(error)
  const field = error instanceof ApiError ? error.field : undefined
  if (field === 'tags' || field === 'text') return { reason: message }
  if (field === 'level') return { level: message }
  return { form: message }
}

/**
 * A citizen's ratings (好差评): what may be rated now (the server's
 * `rateable` list — one rating per case or visit, one more after a rectified
 * 差评), rating with a 差评's reason checked before sending, one rating with
 * the department's reply and `canRateAgain`, and rating by a receipt's
 * number + query password without signing in. Every rule is the server's;
 * this store shows what it answered.
 *
 * Built on first use (`ratingOf`) by the rating and cases subpackages only.
 */
export class RatingStore {
  rateable: RateableItem[] = []
  rateableStatus: LoadStatus = 'idle'
  rateableError: string | null = null

  anonymous: AnonymousSession | null = null
  anonymousStatus: LoadStatus = 'idle'
  anonymousError: string | null = null

  private readonly ratings = new Map<string, RatingDetail>()
  private readonly entries = new Map<string, LoadEntry>()

  constructor(private readonly api: RatingsApi) {
    makeAutoObservable<RatingStore, 'api'>(this, { api: false })
  }

  // ---- what may be rated ----

  loadRateable(): Promise<void> {
    if (this.rateableStatus === 'loading') return Promise.resolve()
    this.rateableStatus = 'loading'
    this.rateableError = null
    return this.api.rateable().then(
      ({ items }) =>
        runInAction(() => {
          this.rateable = items
          this.rateableStatus = 'ready'
        }),
      (error: unknown) =>
        runInAction(() => {
          this.rateableStatus = 'error'
          this.rateableError = userMessage(error)
        }),
    )
  }

  /** The case's entry when the server says it may be rated now (first time, or again after rectification). */
  rateableCase(caseId: string): RateableItem | undefined {
    return this.rateable.find((item) => item.target.kind === 'case' && item.target.caseId === caseId)
  }

  rateableVisit(appointmentId: string): RateableItem | undefined {
    return this.rateable.find((item) => item.target.kind === 'visit' && item.target.appointmentId === appointmentId)
  }

  // ---- one rating ----

  ratingById(id: string): RatingDetail | undefined {
    return this.ratings.get(id)
  }

  ratingStatus(id: string): LoadEntry {
    return this.entries.get(id) ?? IDLE
  }

  loadRating(id: string): Promise<void> {
    this.entries.set(id, { status: 'loading', error: null })
    return this.api.get(id).then(
      (rating) => this.remember(rating),
      (error: unknown) => runInAction(() => void this.entries.set(id, { status: 'error', error: userMessage(error) })),
    )
  }

  /**
   * Rates what `item` names. Sends nothing when the draft is not valid (no
   * level; a 差评 without a reason). Once accepted the item leaves `rateable`,
   * so no second 评价 is offered; a refusal (already rated: 409) is the
   * server's sentence.
   */
  async submit(item: RateableItem, draft: RatingDraft, channel: SignedInChannel): Promise<RatingOutcome> {
    const errors = validateRating(draft)
    if (!draft.level || Object.keys(errors).length) return { ok: false, errors }
    const { target } = item
    const where = target.kind === 'visit' ? { appointmentId: target.appointmentId ?? undefined } : { caseId: target.caseId ?? undefined }
    try {
      const rating = await this.api.create({ ...where, channel, ...ratingContent({ ...draft, level: draft.level }, target.dimension) })
      runInAction(() => {
        this.remember(rating)
        this.rateable = this.rateable.filter((entry) => entry !== item)
        // The rectified 差评 this re-rates may no longer be re-rated.
        const previous = item.previousRatingId ? this.ratings.get(item.previousRatingId) : undefined
        if (previous) this.ratings.set(previous.id, { ...previous, canRateAgain: false })
      })
      return { ok: true, rating }
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) void this.loadRateable()
      return { ok: false, errors: refusal(error) }
    }
  }

  // ---- by the receipt, without signing in ----

  /** Asks what the receipt allows; true when the server answered (even "cannot rate", with its reason). */
  async checkAnonymous(code: ReceiptCode, channel: AnonymousChannel): Promise<boolean> {
    const credentials = { number: code.number.trim(), password: code.password.trim() }
    if (!credentials.number || !credentials.password) {
      this.anonymousError = '请输入办件编号和查询密码'
      this.anonymousStatus = 'error'
      return false
    }
    this.anonymousStatus = 'loading'
    this.anonymousError = null
    try {
      const target = await this.api.checkAnonymous(credentials)
      runInAction(() => {
        this.anonymous = { code: credentials, channel, target }
        this.anonymousStatus = 'ready'
      })
      return true
    } catch (error) {
      runInAction(() => {
        this.anonymous = null
        this.anonymousStatus = 'error'
        this.anonymousError = userMessage(error)
      })
      return false
    }
  }

  async submitAnonymous(draft: RatingDraft): Promise<AnonymousOutcome> {
    const session = this.anonymous
    if (!session) return { ok: false, errors: { form: '请先输入办件编号和查询密码' } }
    const errors = validateRating(draft)
    if (!draft.level || Object.keys(errors).length) return { ok: false, errors }
    try {
      const receipt = await this.api.createAnonymous({
        ...session.code,
        channel: session.channel,
        ...ratingContent({ ...draft, level: draft.level }, session.target.dimension),
      })
      runInAction(() => {
        if (this.anonymous) this.anonymous = { ...this.anonymous, target: { ...this.anonymous.target, canRate: false, reRate: false, reason: '已评价' } }
      })
      return { ok: true, receipt }
    } catch (error) {
      return { ok: false, errors: refusal(error) }
    }
  }

  forgetAnonymous(): void {
    this.anonymous = null
    this.anonymousStatus = 'idle'
    this.anonymousError = null
  }

  /** A new session forgets the rateable list and ratings (the anonymous receipt is nobody's account). */
  reset(): void {
    this.rateable = []
    this.rateableStatus = 'idle'
    this.rateableError = null
    this.ratings.clear()
    this.entries.clear()
  }

  private remember(rating: RatingDetail): void {
    runInAction(() => {
      this.ratings.set(rating.id, rating)
      this.entries.set(rating.id, { status: 'ready', error: null })
    })
  }
}

/** The rating store of this RootStore, built on first use (tests pass a fake `client`). */
export function ratingOf(root: RootStore, client: RatingsApi = ratingsApi): RatingStore {
  return root.feature('rating', () => new RatingStore(client))
}
