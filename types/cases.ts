/**
 * Cases (办件): citizen list/detail/withdraw, anonymous progress lookup, and
 * the staff queue, walk-in registration, actions and supervision.
 */
import { Type, type Static } from 'typebox'
import { CASE_ACTIONS, CASE_STATUSES, DELIVERY_MODES, LIGHTS, STEP_OUTCOMES, keysOf } from './enums'
import { MOBILE_PATTERN } from './validators'
import { PageInfo, PageQuery, Uuid } from './common'

export const CaseStatusSchema = Type.Enum(keysOf(CASE_STATUSES))
export const CaseActionSchema = Type.Enum(keysOf(CASE_ACTIONS))
export const StepOutcomeSchema = Type.Enum(keysOf(STEP_OUTCOMES))
export const LightSchema = Type.Enum(keysOf(LIGHTS))
export const DeliveryModeSchema = Type.Enum(keysOf(DELIVERY_MODES))

/** Deadline and light, computed on the server in working days (Asia/Shanghai). */
export const CaseDeadline = Type.Object({
  dueAt: Type.String({ format: 'date-time' }),
  light: LightSchema,
  remainingMinutes: Type.Integer({ description: 'Office minutes left; negative when overdue' }),
  label: Type.String({ description: 'e.g. 剩余1.5个工作日, 已超期2个工作日' }),
  paused: Type.Boolean({ description: 'Clock stopped (补正 / 特别程序)' }),
  calendarUnpublished: Type.Boolean({ description: 'The deadline falls in a year whose holiday calendar is not yet published' }),
})
export type CaseDeadline = Static<typeof CaseDeadline>

export const CaseStep = Type.Object({
  at: Type.String({ format: 'date-time' }),
  status: CaseStatusSchema,
  outcome: StepOutcomeSchema,
  actor: Type.String({ description: 'Who, as the citizen may see it: 窗口人员 王**, 申请人, 系统' }),
  comment: Type.String(),
})
export type CaseStep = Static<typeof CaseStep>

export const CaseDelivery = Type.Object({
  mode: DeliveryModeSchema,
  addressMasked: Type.Union([Type.String(), Type.Null()]),
  courier: Type.Union([Type.String(), Type.Null()]),
  trackingNumber: Type.Union([Type.String(), Type.Null()]),
})
export type CaseDelivery = Static<typeof CaseDelivery>

export const CaseSummary = Type.Object({
  id: Uuid,
  number: Type.String({ maxLength: 50, description: '办件编号' }),
  matter: Type.Object({ id: Uuid, name: Type.String() }),
  department: Type.Object({ id: Uuid, name: Type.String() }),
  status: CaseStatusSchema,
  applicantNameMasked: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  deadline: Type.Union([CaseDeadline, Type.Null()]),
})
export type CaseSummary = Static<typeof CaseSummary>

export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  applicantPhoneMasked: Type.String(),
  applicantIdNumberMasked: Type.Union([Type.String(), Type.Null()]),
  acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  delivery: CaseDelivery,
  steps: Type.Array(CaseStep),
  tolerance: Type.Union(
    [
      Type.Object({
        materials: Type.Array(Type.String()),
        promisedOn: Type.String({ description: 'YYYY-MM-DD' }),
        fulfilledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      }),
      Type.Null(),
    ],
    { description: '容缺受理: materials accepted as missing and the date they were promised by' },
  ),
  allowedActions: Type.Array(CaseActionSchema, { description: 'What the caller may do now; decided by the server' }),
})
export type CaseDetail = Static<typeof CaseDetail>

export const CasePage = Type.Object({ items: Type.Array(CaseSummary), ...PageInfo })
export type CasePage = Static<typeof CasePage>

export const CaseListQuery = Type.Object({ ...PageQuery })
export type CaseListQuery = Static<typeof CaseListQuery>

export const StaffCaseListQuery = Type.Object({
  ...PageQuery,
  light: Type.Optional(LightSchema),
  status: Type.Optional(CaseStatusSchema),
  active: Type.Optional(Type.Boolean({ description: 'Only cases not yet finished (default true)' })),
})
export type StaffCaseListQuery = Static<typeof StaffCaseListQuery>

/** POST /api/cases/lookup — no login; the password is in the body so it never reaches a URL log. */
export const CaseLookupRequest = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 50, description: '办件编号' }),
    password: Type.String({ minLength: 1, maxLength: 20, description: '查询密码' }),
  },
  { additionalProperties: false },
)
export type CaseLookupRequest = Static<typeof CaseLookupRequest>

/** Progress only: no personal data beyond the masked applicant name. */
export const CaseProgress = Type.Object({
  number: Type.String(),
  matterName: Type.String(),
  departmentName: Type.String(),
  applicantNameMasked: Type.String(),
  status: CaseStatusSchema,
  deadline: Type.Union([CaseDeadline, Type.Null()]),
  steps: Type.Array(CaseStep),
})
export type CaseProgress = Static<typeof CaseProgress>

export const WithdrawRequest = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
)
export type WithdrawRequest = Static<typeof WithdrawRequest>

/** POST /api/staff/cases — 窗口收件: a walk-in case registered at the window. */
export const WalkInRequest = Type.Object(
  {
    matterId: Uuid,
    applicantName: Type.String({ minLength: 2, maxLength: 30, pattern: '^[\\u4e00-\\u9fa5·]{2,30}$' }),
    applicantIdNumber: Type.String({ minLength: 1, maxLength: 20 }),
    applicantPhone: Type.String({ pattern: MOBILE_PATTERN }),
    delivery: Type.Object(
      { mode: DeliveryModeSchema, address: Type.Optional(Type.String({ minLength: 5, maxLength: 200 })) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
export type WalkInRequest = Static<typeof WalkInRequest>

/** The receipt: the query password is shown once, to be printed or handed over. */
export const WalkInReceipt = Type.Object({ case: CaseDetail, queryPassword: Type.String() })
export type WalkInReceipt = Static<typeof WalkInReceipt>

export const CaseActionRequest = Type.Object(
  { action: CaseActionSchema, comment: Type.String({ maxLength: 1000, default: '' }) },
  { additionalProperties: false },
)
export type CaseActionRequest = Static<typeof CaseActionRequest>

export const MailResultRequest = Type.Object(
  {
    courier: Type.String({ minLength: 2, maxLength: 30 }),
    trackingNumber: Type.String({ pattern: '^[A-Za-z0-9]{6,30}$' }),
  },
  { additionalProperties: false },
)
export type MailResultRequest = Static<typeof MailResultRequest>

/** GET /api/staff/supervision — a department lead's view (admin: all departments). */
export const Supervision = Type.Object({
  counts: Type.Object({ green: Type.Integer(), yellow: Type.Integer(), red: Type.Integer(), paused: Type.Integer() }),
  overdue: Type.Array(CaseSummary),
})
export type Supervision = Static<typeof Supervision>
