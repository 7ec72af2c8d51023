/**
 * Who may rate what, when, and with what content (DOMAIN.md "Ratings";
 * 国办发〔2019〕51号). Pure: the service reads the rows and applies these.
 *
 * - 一事一评 / 一次一评: one rating per case and per hall visit (round 1).
 * - One more (round 2) only after a 差评 of round 1 was rectified; never a third.
 *   A 差评 excluded by an upheld appeal does not open a second round.
 * - A case is rateable once it completed (办结: approved, approvedWithTolerance,
 *   disapproved); a visit once checked in (checkedIn or served).
 * - A 差评 (dissatisfied / veryDissatisfied) needs a reason: a RATING_BAD_REASONS tag
 *   or text of at least MIN_BAD_TEXT characters.
 * - Scores belong to the target's dimension; `overall` is always scored.
 */
import {
  BAD_RATING_LEVELS,
  RATING_IN_PERSON_ITEMS,
  RATING_ONLINE_ITEMS,
  type AppointmentStatus,
  type BadRatingStatus,
  type CaseStatus,
  type RatingDimension,
  type RatingLevel,
} from '../../../../types/enums'
import { RATING_BAD_REASONS, type RatingTag } from '../../../../types/ratingTags'
import type { RatingScores } from '../../../../types/ratings'

export const RATEABLE_CASE_STATUSES: readonly CaseStatus[] = ['approved', 'approvedWithTolerance', 'disapproved']
export const RATEABLE_VISIT_STATUSES: readonly AppointmentStatus[] = ['checkedIn', 'served']
export const MIN_BAD_TEXT = 5
/** Natural days after completion before the system default (基本满意) applies. */
export const DEFAULT_RATING_AFTER_DAYS = 7

export const isBad = (level: RatingLevel): boolean => BAD_RATING_LEVELS.includes(level)

export type RuleResult = { ok: true } | { ok: false; status: 400 | 409; message: string; field?: string }

const ITEMS: Record<RatingDimension, Record<string, string>> = { online: RATING_ONLINE_ITEMS, inPerson: RATING_IN_PERSON_ITEMS }

export function checkContent(c: { level: RatingLevel; dimension: RatingDimension; scores: RatingScores; tags: readonly RatingTag[]; text: string }): RuleResult {
  const allowed = ITEMS[c.dimension]
  for (const key of Object.keys(c.scores)) {
    if (!(key in allowed)) {
      const kind = c.dimension === 'online' ? '网上办事' : '现场办事'
      return { ok: false, status: 400, message: `${kind}评价不包含“${key}”这一项，请重新评分`, field: `scores.${key}` }
    }
  }
  if (isBad(c.level)) {
    const hasReason = c.tags.some((t) => t in RATING_BAD_REASONS)
    if (!hasReason && c.text.trim().length < MIN_BAD_TEXT) {
      return { ok: false, status: 400, message: `差评请选择不满意的原因，或写下具体情况（至少${MIN_BAD_TEXT}个字）`, field: 'tags' }
    }
  }
  return { ok: true }
}

/** The earlier ratings of one target, any order. */
export interface PriorRating {
  id: string
  round: number
  badStatus: BadRatingStatus | null
}

export type NextRound = { ok: true; round: 1 | 2; previousRatingId: string | null } | { ok: false; status: 409; message: string }

export function nextRound(prior: readonly PriorRating[]): NextRound {
  if (prior.length === 0) return { ok: true, round: 1, previousRatingId: null }
  if (prior.some((p) => p.round >= 2)) return { ok: false, status: 409, message: '您已再次评价过，不能重复评价' }
  const first = prior.find((p) => p.round === 1)!
  if (first.badStatus === 'rectified') return { ok: true, round: 2, previousRatingId: first.id }
  if (first.badStatus === 'pending' || first.badStatus === 'verified') {
    return { ok: false, status: 409, message: '您的差评正在整改中，部门整改回复后可再次评价' }
  }
  return { ok: false, status: 409, message: '已评价过，一事一评，不能重复评价' }
}

export function checkCaseRateable(status: CaseStatus): RuleResult {
  return RATEABLE_CASE_STATUSES.includes(status)
    ? { ok: true }
    : { ok: false, status: 409, message: '办件办结后才能评价' }
}

export function checkVisitRateable(status: AppointmentStatus): RuleResult {
  return RATEABLE_VISIT_STATUSES.includes(status)
    ? { ok: true }
    : { ok: false, status: 409, message: '到大厅签到办事后才能评价这次办事' }
}

/** When the system default applies to a case completed at `completedAt`. */
export const defaultsOn = (completedAt: Date): Date => new Date(completedAt.getTime() + DEFAULT_RATING_AFTER_DAYS * 86_400_000)
