/**
 * Tags a citizen may pick when rating (free text is always allowed besides).
 * Kept in their own module (re-exported by enums.ts) so only the rating
 * subpackage that offers them carries their text, as with returnReasons.ts.
 * A 差评 (不满意 / 非常不满意) needs at least one RATING_BAD_REASONS key or text.
 */
export const RATING_BAD_REASONS = {
  slow: '办理时间长',
  repeatedTrips: '多次跑腿',
  unclearGuide: '办事指南不清楚',
  extraMaterials: '要求额外材料',
  poorAttitude: '服务态度差',
  longWait: '排队等候久',
  systemProblems: '系统不好用',
  unreasonableFee: '收费不合理',
  notAsPromised: '未按承诺时限办结',
} as const
export type RatingBadReason = keyof typeof RATING_BAD_REASONS

export const RATING_GOOD_TAGS = {
  fast: '办理快',
  oneTrip: '只跑一次',
  clearGuide: '指南清晰',
  goodAttitude: '态度热情',
  professional: '业务熟练',
  convenient: '操作便捷',
} as const
export type RatingGoodTag = keyof typeof RATING_GOOD_TAGS

/** Every tag key the server accepts, with its label. */
export const RATING_TAGS = { ...RATING_GOOD_TAGS, ...RATING_BAD_REASONS } as const
export type RatingTag = keyof typeof RATING_TAGS
