/**
 * Level ↔ code mappings at the external boundaries. The two published
 * conventions are OPPOSITE, so each is an explicit table, never arithmetic:
 * - GB/T 39046 (national standard): 1 = 非常满意 … 5 = 非常不满意.
 * - The provincial rating API (Zhejiang's): 1 = 非常不满意 … 5 = 非常满意.
 * Inside the platform a level is always its name (RATING_LEVELS).
 */
import type { RatingLevel } from '../../../../types/enums'

export type RatingCodeConvention = 'gbt39046' | 'provincial'

export const GBT39046_CODES: Readonly<Record<RatingLevel, number>> = {
  verySatisfied: 1,
  satisfied: 2,
  basicallySatisfied: 3,
  dissatisfied: 4,
  veryDissatisfied: 5,
}

export const PROVINCIAL_CODES: Readonly<Record<RatingLevel, number>> = {
  verySatisfied: 5,
  satisfied: 4,
  basicallySatisfied: 3,
  dissatisfied: 2,
  veryDissatisfied: 1,
}

const TABLES: Record<RatingCodeConvention, Readonly<Record<RatingLevel, number>>> = {
  gbt39046: GBT39046_CODES,
  provincial: PROVINCIAL_CODES,
}

export function levelToCode(level: RatingLevel, convention: RatingCodeConvention): number {
  return TABLES[convention][level]
}

/** Null for anything that is not a code of that convention (0, 6, '3', 2.5 …). */
export function codeToLevel(code: unknown, convention: RatingCodeConvention): RatingLevel | null {
  const table = TABLES[convention]
  for (const level of Object.keys(table) as RatingLevel[]) if (table[level] === code) return level
  return null
}
