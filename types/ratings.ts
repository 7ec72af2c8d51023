/**
 * Ratings (好差评): citizens and receipt holders rate cases (一事一评) and hall
 * visits (一次一评); every 差评 goes to its department's rectification loop;
 * leads and admins read statistics; aggregates are public.
 *
 * Levels are NAMED (RATING_LEVELS in enums.ts). No numeric level code ever
 * crosses this API: the two published conventions are opposite and are mapped
 * only at external boundaries (server/src/domain/ratings/codes.ts).
 * Dimension scores are 1–5 stars, 5 = best (a UI scale, not a level code).
 *
 * ROUTES
 * Citizen (Authorization: Bearer <citizen token>; own data only, others' ids answer 404):
 * - GET  /api/ratings/rateable → RateableList — what I may rate now: finished cases I applied for
 *        (not yet rated, or re-rateable after a rectified 差评) and checked-in visits.
 * - POST /api/ratings  CreateRatingRequest → 201 RatingDetail
 *        400 差评 without a reason / scores not of the target's dimension; 404 not mine;
 *        409 already rated (or the case is not finished yet).
 * - GET  /api/ratings?page&pageSize → RatingPage (my ratings, newest first)
 * - GET  /api/ratings/:id → RatingDetail (with the department's reply once a 差评 was rectified)
 * Anonymous (no login; the receipt's number + query password, via the case lookup guards —
 * wrong number and wrong password both 404, failures count, 429 when locked):
 * - POST /api/ratings/anonymous/check  AnonymousRatingCheckRequest → AnonymousRatingTarget
 * - POST /api/ratings/anonymous  AnonymousRatingRequest → 201 AnonymousRatingReceipt
 *        (channel 'mobile' from the lookup page, 'qrCode' when opened from the receipt's QR code)
 * Public (no login, no personal data):
 * - GET  /api/ratings/public?months=12 → PublicRatingSummary — published per-department figures.
 * Staff (Authorization: Bearer <staff token>; window staff and leads see their own department's
 * 差评 only — another department's id answers 404; admin sees all):
 * - GET  /api/staff/ratings?page&pageSize&status&light&appealStatus&open → StaffBadRatingPage
 *        (差评 only, most urgent first: open ones by rectification due time, then the rest)
 * - GET  /api/staff/ratings/:id → StaffBadRatingDetail (`allowedActions` says what the caller may do)
 * - POST /api/staff/ratings/:id/verify  VerifyBadRatingRequest → StaffBadRatingDetail (pending → verified)
 * - POST /api/staff/ratings/:id/rectify  RectifyBadRatingRequest → StaffBadRatingDetail
 *        (pending|verified → rectified; `reply` is required and goes to the citizen as a
 *        message-centre notification kind 'ratingReply', subject {kind:'rating', id}; the citizen
 *        may then rate the same target once more)
 * - POST /api/staff/ratings/:id/appeal  AppealBadRatingRequest → StaffBadRatingDetail
 *        (malicious rating; evidence text required; one appeal per rating; 409 while one is pending
 *        or after rectification)
 * - POST /api/staff/ratings/:id/appeal/decision  AppealDecisionRequest → StaffBadRatingDetail
 *        (admin only, 403 otherwise; upheld → status 'excluded', left out of every statistic;
 *        rejected → the loop continues where it was)
 * - GET  /api/staff/ratings/statistics?departmentId&from&to&granularity → RatingStatistics
 *        (lead: own department, departmentId ignored/forced; admin: all, or one departmentId;
 *        window staff 403). from/to are YYYY-MM-DD Shanghai dates (default: the last 12 months).
 */
import { Type, type Static } from 'typebox'
import {
  APPEAL_STATUSES,
  BAD_RATING_ACTIONS,
  BAD_RATING_STATUSES,
  LIGHTS,
  RATING_CHANNELS,
  RATING_DIMENSIONS,
  RATING_EVENTS,
  RATING_GRANULARITIES,
  RATING_LEVELS,
  RATING_TARGET_KINDS,
  keysOf,
} from './enums'
import { RATING_TAGS } from './ratingTags'
import { CaseDeadline } from './cases'
import { PageInfo, PageQuery, Uuid } from './common'

export const RatingLevelSchema = Type.Enum(keysOf(RATING_LEVELS))
export const RatingChannelSchema = Type.Enum(keysOf(RATING_CHANNELS))
export const RatingDimensionSchema = Type.Enum(keysOf(RATING_DIMENSIONS))
export const RatingTargetKindSchema = Type.Enum(keysOf(RATING_TARGET_KINDS))
export const BadRatingStatusSchema = Type.Enum(keysOf(BAD_RATING_STATUSES))
export const AppealStatusSchema = Type.Enum(keysOf(APPEAL_STATUSES))
export const BadRatingActionSchema = Type.Enum(keysOf(BAD_RATING_ACTIONS))
export const RatingEventSchema = Type.Enum(keysOf(RATING_EVENTS))
export const RatingGranularitySchema = Type.Enum(keysOf(RATING_GRANULARITIES))
export const RatingTagSchema = Type.Enum(keysOf(RATING_TAGS))

const Star = Type.Integer({ minimum: 1, maximum: 5, description: '1–5 stars, 5 = best' })

/**
 * Scores per item. Online: overall, efficiency, guideAccuracy, convenience, usability;
 * in person: overall, efficiency, competence, attitude (RATING_ONLINE_ITEMS /
 * RATING_IN_PERSON_ITEMS). `overall` is required; the server refuses items of the other
 * dimension (400). Missing optional items are simply not scored.
 */
export const RatingScores = Type.Object(
  {
    overall: Star,
    efficiency: Type.Optional(Star),
    guideAccuracy: Type.Optional(Star),
    convenience: Type.Optional(Star),
    usability: Type.Optional(Star),
    competence: Type.Optional(Star),
    attitude: Type.Optional(Star),
  },
  { additionalProperties: false },
)
export type RatingScores = Static<typeof RatingScores>

/** Level, scores, tags and text: what every rating request carries. 差评 needs ≥ 1 RATING_BAD_REASONS tag or text ≥ 5 characters. */
const RatingContent = {
  level: RatingLevelSchema,
  scores: RatingScores,
  tags: Type.Array(RatingTagSchema, { maxItems: 10, uniqueItems: true, default: [] }),
  text: Type.String({ maxLength: 500, default: '', description: 'Free text; trimmed' }),
}

/** The rated thing, as the citizen sees it. */
export const RatingTarget = Type.Object({
  kind: RatingTargetKindSchema,
  caseId: Type.Union([Uuid, Type.Null()], { description: 'Null for a visit not linked to a case' }),
  caseNumber: Type.Union([Type.String(), Type.Null()]),
  appointmentId: Type.Union([Uuid, Type.Null()], { description: 'Set for a visit' }),
  matterName: Type.String(),
  departmentName: Type.String(),
  dimension: RatingDimensionSchema,
})
export type RatingTarget = Static<typeof RatingTarget>

/** GET /api/ratings/rateable */
export const RateableItem = Type.Object({
  target: RatingTarget,
  completedAt: Type.String({ format: 'date-time', description: 'Case finished / visit checked in' }),
  reRate: Type.Boolean({ description: 'A second rating after a rectified 差评' }),
  previousRatingId: Type.Union([Uuid, Type.Null()]),
  defaultsOn: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When the system default (基本满意) applies if not rated (cases, first rating only)',
  }),
})
export type RateableItem = Static<typeof RateableItem>
export const RateableList = Type.Object({ items: Type.Array(RateableItem) })
export type RateableList = Static<typeof RateableList>

/** POST /api/ratings — exactly one of caseId / appointmentId. */
export const CreateRatingRequest = Type.Object(
  {
    caseId: Type.Optional(Uuid),
    appointmentId: Type.Optional(Uuid),
    channel: Type.Enum(['pc', 'mobile', 'qrCode'], { description: 'H5 on a desktop: pc; phone: mobile' }),
    ...RatingContent,
  },
  { additionalProperties: false },
)
export type CreateRatingRequest = Static<typeof CreateRatingRequest>

export const RatingReply = Type.Object({
  text: Type.String({ description: "The department's reply to the citizen" }),
  at: Type.String({ format: 'date-time' }),
  departmentName: Type.String(),
})
export type RatingReply = Static<typeof RatingReply>

export const RatingSummary = Type.Object({
  id: Uuid,
  target: RatingTarget,
  level: RatingLevelSchema,
  channel: RatingChannelSchema,
  round: Type.Integer({ minimum: 1, maximum: 2, description: '2 = the re-rating after a rectified 差评' }),
  bad: Type.Boolean({ description: '差评' }),
  badStatus: Type.Union([BadRatingStatusSchema, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
})
export type RatingSummary = Static<typeof RatingSummary>

export const RatingDetail = Type.Object({
  ...RatingSummary.properties,
  scores: Type.Union([RatingScores, Type.Null()], { description: 'Null for a system default' }),
  tags: Type.Array(RatingTagSchema),
  text: Type.String(),
  reply: Type.Union([RatingReply, Type.Null()]),
  canRateAgain: Type.Boolean({ description: 'Rectified 差评 not yet re-rated: POST /api/ratings with the same target' }),
  previousRatingId: Type.Union([Uuid, Type.Null()]),
})
export type RatingDetail = Static<typeof RatingDetail>

export const RatingPage = Type.Object({ items: Type.Array(RatingSummary), ...PageInfo })
export type RatingPage = Static<typeof RatingPage>
export const RatingListQuery = Type.Object({ ...PageQuery })
export type RatingListQuery = Static<typeof RatingListQuery>

/** Anonymous: the receipt's number + query password (in the body, never in a URL). */
const ReceiptCredentials = {
  number: Type.String({ minLength: 1, maxLength: 50, description: '办件编号' }),
  password: Type.String({ minLength: 1, maxLength: 20, description: '查询密码' }),
}
export const AnonymousRatingCheckRequest = Type.Object({ ...ReceiptCredentials }, { additionalProperties: false })
export type AnonymousRatingCheckRequest = Static<typeof AnonymousRatingCheckRequest>

/** What the receipt lets one rate; no personal data. */
export const AnonymousRatingTarget = Type.Object({
  caseNumber: Type.String(),
  matterName: Type.String(),
  departmentName: Type.String(),
  dimension: RatingDimensionSchema,
  canRate: Type.Boolean(),
  reRate: Type.Boolean(),
  reason: Type.Union([Type.String(), Type.Null()], { description: 'Why not, in Chinese, when canRate is false' }),
  reply: Type.Union([RatingReply, Type.Null()], { description: "The department's reply to this case's last 差评, if any" }),
})
export type AnonymousRatingTarget = Static<typeof AnonymousRatingTarget>

export const AnonymousRatingRequest = Type.Object(
  { ...ReceiptCredentials, channel: Type.Enum(['mobile', 'qrCode']), ...RatingContent },
  { additionalProperties: false },
)
export type AnonymousRatingRequest = Static<typeof AnonymousRatingRequest>

export const AnonymousRatingReceipt = Type.Object({
  caseNumber: Type.String(),
  level: RatingLevelSchema,
  round: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
})
export type AnonymousRatingReceipt = Static<typeof AnonymousRatingReceipt>

/* ---------------- staff: the 差评 loop ---------------- */

export const StaffBadRatingListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(BadRatingStatusSchema),
  light: Type.Optional(Type.Enum(keysOf(LIGHTS))),
  appealStatus: Type.Optional(AppealStatusSchema),
  open: Type.Optional(Type.Boolean({ description: 'Only pending/verified (default false: all)' })),
})
export type StaffBadRatingListQuery = Static<typeof StaffBadRatingListQuery>

export const StaffBadRatingSummary = Type.Object({
  id: Uuid,
  target: RatingTarget,
  department: Type.Object({ id: Uuid, name: Type.String() }),
  level: RatingLevelSchema,
  channel: RatingChannelSchema,
  tags: Type.Array(RatingTagSchema),
  text: Type.String(),
  applicantNameMasked: Type.String({ description: '张** ; 匿名评价 for anonymous ratings' }),
  createdAt: Type.String({ format: 'date-time' }),
  status: BadRatingStatusSchema,
  appealStatus: Type.Union([AppealStatusSchema, Type.Null()]),
  deadline: Type.Union([CaseDeadline, Type.Null()], { description: 'Rectification deadline and light; frozen once rectified' }),
  windowNumber: Type.Union([Type.String(), Type.Null()]),
})
export type StaffBadRatingSummary = Static<typeof StaffBadRatingSummary>

export const StaffBadRatingPage = Type.Object({ items: Type.Array(StaffBadRatingSummary), ...PageInfo })
export type StaffBadRatingPage = Static<typeof StaffBadRatingPage>

export const RatingHistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  event: RatingEventSchema,
  actor: Type.String({ description: '窗口人员 王** / 群众 / 系统 / 系统管理员 …' }),
  note: Type.String(),
})
export type RatingHistoryEntry = Static<typeof RatingHistoryEntry>

export const StaffBadRatingDetail = Type.Object({
  ...StaffBadRatingSummary.properties,
  scores: Type.Union([RatingScores, Type.Null()]),
  verification: Type.Union([Type.Object({ note: Type.String(), at: Type.String({ format: 'date-time' }) }), Type.Null()]),
  rectification: Type.Union(
    [
      Type.Object({
        measures: Type.String(),
        reply: Type.String(),
        at: Type.String({ format: 'date-time' }),
        onTime: Type.Boolean(),
      }),
      Type.Null(),
    ],
  ),
  appeal: Type.Union(
    [
      Type.Object({
        evidence: Type.String(),
        status: AppealStatusSchema,
        at: Type.String({ format: 'date-time' }),
        decisionComment: Type.Union([Type.String(), Type.Null()]),
        decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      }),
      Type.Null(),
    ],
  ),
  reRating: Type.Union([Type.Object({ id: Uuid, level: RatingLevelSchema, at: Type.String({ format: 'date-time' }) }), Type.Null()], {
    description: "The citizen's second rating after rectification, if given",
  }),
  history: Type.Array(RatingHistoryEntry),
  allowedActions: Type.Array(BadRatingActionSchema),
})
export type StaffBadRatingDetail = Static<typeof StaffBadRatingDetail>

export const VerifyBadRatingRequest = Type.Object(
  { note: Type.String({ minLength: 2, maxLength: 1000, description: '核实情况' }) },
  { additionalProperties: false },
)
export type VerifyBadRatingRequest = Static<typeof VerifyBadRatingRequest>

export const RectifyBadRatingRequest = Type.Object(
  {
    measures: Type.String({ minLength: 2, maxLength: 1000, description: '整改措施 (internal record)' }),
    reply: Type.String({ minLength: 5, maxLength: 1000, description: 'Reply to the citizen (回访), shown to them' }),
  },
  { additionalProperties: false },
)
export type RectifyBadRatingRequest = Static<typeof RectifyBadRatingRequest>

export const AppealBadRatingRequest = Type.Object(
  { evidence: Type.String({ minLength: 10, maxLength: 2000, description: '申诉理由与证据说明' }) },
  { additionalProperties: false },
)
export type AppealBadRatingRequest = Static<typeof AppealBadRatingRequest>

export const AppealDecisionRequest = Type.Object(
  {
    decision: Type.Enum(['upheld', 'rejected']),
    comment: Type.String({ minLength: 2, maxLength: 1000 }),
  },
  { additionalProperties: false },
)
export type AppealDecisionRequest = Static<typeof AppealDecisionRequest>

/* ---------------- statistics ---------------- */

export const RatingStatisticsQuery = Type.Object({
  departmentId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Shanghai), inclusive' })),
  to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Shanghai), inclusive' })),
  granularity: Type.Optional(RatingGranularitySchema),
})
export type RatingStatisticsQuery = Static<typeof RatingStatisticsQuery>

export const LevelCount = Type.Object({ level: RatingLevelSchema, count: Type.Integer() })
export type LevelCount = Static<typeof LevelCount>

/** A group's numbers. satisfactionRate = (非常满意 + 满意 + 基本满意) / total, 0–1, null when total is 0. */
export const RatingGroupFigures = {
  total: Type.Integer(),
  good: Type.Integer({ description: '非常满意 + 满意 + 基本满意' }),
  bad: Type.Integer({ description: '差评' }),
  satisfactionRate: Type.Union([Type.Number(), Type.Null()]),
}

export const RatingStatistics = Type.Object({
  scope: Type.Object({
    department: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()], { description: 'Null = all departments' }),
    from: Type.String(),
    to: Type.String(),
    granularity: RatingGranularitySchema,
  }),
  ...RatingGroupFigures,
  excluded: Type.Integer({ description: 'Ratings left out after an upheld appeal' }),
  systemDefault: Type.Integer({ description: 'Of total: 系统默认 ratings' }),
  byLevel: Type.Array(LevelCount, { description: 'All five levels, best first, zeros included' }),
  byChannel: Type.Array(Type.Object({ channel: RatingChannelSchema, count: Type.Integer() })),
  trend: Type.Array(
    Type.Object({
      period: Type.String({ description: 'YYYY-MM, or the Monday YYYY-MM-DD of the week' }),
      label: Type.String({ description: '2026年11月 / 11月16日周' }),
      ...RatingGroupFigures,
    }),
    { description: 'Every period in range, oldest first, empty periods included' },
  ),
  byMatter: Type.Array(Type.Object({ matterId: Uuid, matterName: Type.String(), ...RatingGroupFigures }), {
    description: 'Most rated first',
  }),
  byWindow: Type.Array(Type.Object({ window: Type.Union([Type.String(), Type.Null()], { description: 'Null = unknown' }), ...RatingGroupFigures })),
  rectification: Type.Object({
    total: Type.Integer({ description: '差评 in range, excluded ones not counted' }),
    rectified: Type.Integer(),
    onTime: Type.Integer(),
    late: Type.Integer(),
    open: Type.Integer(),
    openOverdue: Type.Integer(),
    rectificationRate: Type.Union([Type.Number(), Type.Null()], { description: 'rectified / total' }),
    timelyRate: Type.Union([Type.Number(), Type.Null()], { description: 'onTime / total' }),
  }),
})
export type RatingStatistics = Static<typeof RatingStatistics>

/* ---------------- public aggregate ---------------- */

export const PublicRatingQuery = Type.Object({
  months: Type.Optional(Type.Integer({ minimum: 1, maximum: 24, default: 12 })),
})
export type PublicRatingQuery = Static<typeof PublicRatingQuery>

/** Published figures: counts and rates only, no personal data, no text. */
export const PublicRatingSummary = Type.Object({
  from: Type.String({ description: 'YYYY-MM-DD' }),
  to: Type.String({ description: 'YYYY-MM-DD' }),
  overall: Type.Object({ ...RatingGroupFigures, rectificationRate: Type.Union([Type.Number(), Type.Null()]) }),
  departments: Type.Array(
    Type.Object({
      departmentId: Uuid,
      departmentName: Type.String(),
      ...RatingGroupFigures,
      rectificationRate: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
})
export type PublicRatingSummary = Static<typeof PublicRatingSummary>
