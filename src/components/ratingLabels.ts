/**
 * The rating labels of the contract (types/enums.ts RATING_*), copied for the
 * rating and staff subpackages: importing them from types/enums.ts would keep
 * them in the main package, where that module lives (src/README.md, budgets).
 * ratingLabels.test.ts checks the copies still equal the contract's.
 * The tags too: types/ratingTags.ts is re-exported by enums.ts, so importing
 * it from a subpackage also put its text in the main package.
 */
import type {
  AppealStatus,
  BadRatingAction,
  BadRatingStatus,
  RatingChannel,
  RatingDimension,
  RatingEvent,
  RatingLevel,
} from '../../types/enums'
import type { RatingScores } from '../../types/ratings'
import type { RatingBadReason, RatingGoodTag, RatingTag } from '../../types/ratingTags'

/** Best first, as the contract lists them. */
export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  verySatisfied: '非常满意',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  veryDissatisfied: '非常不满意',
}

export const LEVEL_ORDER = Object.keys(RATING_LEVEL_LABELS) as RatingLevel[]

/** 差评: a reason (tag or text) is required and the department must rectify. */
export const BAD_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'veryDissatisfied']

export const isBadLevel = (level: RatingLevel | null | undefined): boolean => !!level && BAD_LEVELS.includes(level)

export const CHANNEL_LABELS: Record<RatingChannel, string> = {
  pc: 'PC端',
  mobile: '移动端',
  qrCode: '二维码',
  hallTablet: '大厅评价器',
  hallTerminal: '其他大厅终端',
  sms: '短信',
  systemDefault: '系统默认',
}

export const DIMENSION_LABELS: Record<RatingDimension, string> = {
  online: '网上办事',
  inPerson: '现场办事',
}

export type ScoreItem = keyof RatingScores

/** The scored items of each dimension, in the contract's order; `overall` first in both. */
export const DIMENSION_ITEMS: Record<RatingDimension, Partial<Record<ScoreItem, string>>> = {
  online: { overall: '总体评价', efficiency: '办事效率', guideAccuracy: '指南准确性', convenience: '办事便捷度', usability: '平台易用性' },
  inPerson: { overall: '总体评价', efficiency: '办事效率', competence: '业务能力', attitude: '服务态度' },
}

export const BAD_STATUS_LABELS: Record<BadRatingStatus, string> = {
  pending: '待核实',
  verified: '整改中',
  rectified: '已整改回复',
  excluded: '申诉成立（不计入）',
}

export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  pending: '待裁定',
  upheld: '申诉成立',
  rejected: '申诉驳回',
}

export const BAD_ACTION_LABELS: Record<BadRatingAction, string> = {
  verify: '核实',
  rectify: '整改并回复',
  appeal: '申诉',
  decideAppeal: '裁定申诉',
}

export const RATING_EVENT_LABELS: Record<RatingEvent, string> = {
  rated: '提交评价',
  assigned: '差评分派至部门',
  verified: '核实',
  rectified: '整改并回复',
  appealed: '提出申诉',
  appealUpheld: '申诉成立',
  appealRejected: '申诉驳回',
  reRated: '群众再次评价',
}

/** Reasons a 差评 may give (at least one, or text). */
export const BAD_REASON_LABELS: Record<RatingBadReason, string> = {
  slow: '办理时间长',
  repeatedTrips: '多次跑腿',
  unclearGuide: '办事指南不清楚',
  extraMaterials: '要求额外材料',
  poorAttitude: '服务态度差',
  longWait: '排队等候久',
  systemProblems: '系统不好用',
  unreasonableFee: '收费不合理',
  notAsPromised: '未按承诺时限办结',
}

export const GOOD_TAG_LABELS: Record<RatingGoodTag, string> = {
  fast: '办理快',
  oneTrip: '只跑一次',
  clearGuide: '指南清晰',
  goodAttitude: '态度热情',
  professional: '业务熟练',
  convenient: '操作便捷',
}

export const TAG_LABELS: Record<RatingTag, string> = { ...GOOD_TAG_LABELS, ...BAD_REASON_LABELS }
