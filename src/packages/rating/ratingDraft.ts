import type { RatingDimension, RatingLevel } from '../../../types/enums'
import type { RatingScores } from '../../../types/ratings'
import type { RatingTag } from '../../../types/ratingTags'
import { BAD_REASON_LABELS, DIMENSION_ITEMS, isBadLevel, type ScoreItem } from '../../components/ratingLabels'

/** What the citizen is filling in. Scores are 1–5 stars (5 best), a UI scale and not a level code. */
export interface RatingDraft {
  level: RatingLevel | null
  scores: Partial<Record<ScoreItem, number>>
  tags: RatingTag[]
  text: string
}

export type RatingErrors = Partial<Record<'level' | 'reason' | 'form', string>>

export const emptyDraft = (): RatingDraft => ({ level: null, scores: {}, tags: [], text: '' })

/** The contract's rule for a 差评's text when no reason tag is picked. */
export const BAD_TEXT_MIN = 5
export const TEXT_MAX = 500

export const LEVEL_MESSAGE = '请选择满意程度'
export const REASON_MESSAGE = `请选择不满意的原因，或写下具体情况（至少${BAD_TEXT_MIN}个字）`

/** Stars a level stands for when the citizen scored nothing else (the overall score is required). */
const LEVEL_STARS: Record<RatingLevel, number> = {
  verySatisfied: 5,
  satisfied: 4,
  basicallySatisfied: 3,
  dissatisfied: 2,
  veryDissatisfied: 1,
}

const isBadReason = (tag: RatingTag) => tag in BAD_REASON_LABELS

/** Errors to show before any request; empty when the draft may be sent. The server checks the same. */
export function validateRating(draft: RatingDraft): RatingErrors {
  if (!draft.level) return { level: LEVEL_MESSAGE }
  if (isBadLevel(draft.level) && !draft.tags.some(isBadReason) && draft.text.trim().length < BAD_TEXT_MIN) {
    return { reason: REASON_MESSAGE }
  }
  return {}
}

/**
 * The request body's rating part: only the dimension's items are scored
 * (the server refuses the other dimension's), `overall` defaults to the
 * level's stars, and tags that do not fit the level are dropped.
 */
export function ratingContent(draft: RatingDraft & { level: RatingLevel }, dimension: RatingDimension) {
  const scores: RatingScores = { overall: draft.scores.overall ?? LEVEL_STARS[draft.level] }
  for (const item of Object.keys(DIMENSION_ITEMS[dimension]) as ScoreItem[]) {
    const stars = draft.scores[item]
    if (item !== 'overall' && stars) scores[item] = stars
  }
  const bad = isBadLevel(draft.level)
  return {
    level: draft.level,
    scores,
    tags: draft.tags.filter((tag) => isBadReason(tag) === bad),
    text: draft.text.trim(),
  }
}
