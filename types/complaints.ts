/**
 * Complaints and suggestions (投诉建议): the in-app channel every government app
 * must offer beside the 12345 hotline. A citizen files one (kind, category,
 * text, up to 3 photos, optionally a case of theirs), gets a number and follows
 * it; the department's staff accept and reply within COMPLAINT_REPLY_DAYS
 * working days (deadline + light, as for cases); the citizen rates the reply.
 *
 * Which department handles it: the linked case's department, else the one the
 * citizen picked, else none — then the platform (admin) handles it or assigns
 * it to a department.
 *
 * ROUTES
 * Citizen (Authorization: Bearer <citizen token>; own data only, others' ids answer 404):
 * - POST /api/complaints/photos  multipart, one field `file` (JPEG/PNG/HEIC, ≤ 10 MiB)
 *        → 201 ComplaintPhoto (staged for this citizen; attached by POST /api/complaints;
 *        unattached photos are swept after a day). 413/415 as for pre-review pages.
 * - POST /api/complaints  CreateComplaintRequest → 201 ComplaintDetail
 *        (idempotent by clientKey: a retry with the same key answers 200 with the same complaint;
 *        400 caseId not mine / unknown department / photo not mine or already used)
 * - GET  /api/complaints?page&pageSize → ComplaintPage (mine, newest first)
 * - GET  /api/complaints/:id → ComplaintDetail
 * - POST /api/complaints/:id/rating  RateComplaintReplyRequest → ComplaintDetail
 *        (409 unless replied and not yet rated; once)
 * Staff (Authorization: Bearer <staff token>; window staff and leads see their department's only —
 * others' ids answer 404; admin sees all, including those with no department):
 * - GET  /api/staff/complaints?page&pageSize&status&light&open → StaffComplaintPage (open ones by due time first)
 * - GET  /api/staff/complaints/:id → StaffComplaintDetail (`allowedActions` says what the caller may do)
 * - POST /api/staff/complaints/:id/actions  ComplaintActionRequest → StaffComplaintDetail
 *        accept: submitted → processing. reply: submitted|processing → replied (text required,
 *        ≥ 10 characters; the citizen gets a notification kind 'complaintReply', subject
 *        {kind:'complaint', id}). assign (admin only): sets the department of an open complaint.
 *        409 with the reason when the status does not allow it.
 */
import { Type, type Static } from 'typebox'
import { PageInfo, PageQuery, Uuid } from './common'
import { CaseDeadline } from './cases'
import { LIGHTS, keysOf } from './enums'

/** The citizen-facing hotline, one tap away from the complaint pages. */
export const GOVERNMENT_HOTLINE = '12345'

/** Working days a department has to reply. */
export const COMPLAINT_REPLY_DAYS = 5

export const COMPLAINT_KINDS = {
  complaint: '投诉',
  suggestion: '建议',
} as const
export type ComplaintKind = keyof typeof COMPLAINT_KINDS

export const COMPLAINT_CATEGORIES = {
  attitude: '服务态度',
  efficiency: '办事效率',
  materials: '材料与流程',
  hall: '大厅环境与设施',
  app: '平台使用',
  integrity: '廉政作风',
  other: '其他',
} as const
export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORIES

export const COMPLAINT_STATUSES = {
  submitted: '待受理',
  processing: '处理中',
  replied: '已答复',
  rated: '已评价',
} as const
export type ComplaintStatus = keyof typeof COMPLAINT_STATUSES

export const COMPLAINT_ACTIONS = {
  accept: '受理',
  reply: '答复',
  assign: '指派部门',
} as const
export type ComplaintAction = keyof typeof COMPLAINT_ACTIONS

/** How the citizen rates the reply (办理结果评价). */
export const COMPLAINT_SATISFACTION = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
} as const
export type ComplaintSatisfaction = keyof typeof COMPLAINT_SATISFACTION

export const ComplaintKindSchema = Type.Enum(keysOf(COMPLAINT_KINDS))
export const ComplaintCategorySchema = Type.Enum(keysOf(COMPLAINT_CATEGORIES))
export const ComplaintStatusSchema = Type.Enum(keysOf(COMPLAINT_STATUSES))
export const ComplaintActionSchema = Type.Enum(keysOf(COMPLAINT_ACTIONS))
export const ComplaintSatisfactionSchema = Type.Enum(keysOf(COMPLAINT_SATISFACTION))

export const ComplaintPhoto = Type.Object({
  id: Uuid,
  url: Type.String({ description: 'Short-lived signed URL (owner and handling staff only)' }),
  contentType: Type.String(),
  size: Type.Integer(),
})
export type ComplaintPhoto = Static<typeof ComplaintPhoto>

export const CreateComplaintRequest = Type.Object(
  {
    clientKey: Type.String({ format: 'uuid', description: 'Made on the device once per complaint; a retry reuses it' }),
    kind: ComplaintKindSchema,
    category: ComplaintCategorySchema,
    content: Type.String({ minLength: 10, maxLength: 1000 }),
    caseId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    departmentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    photoIds: Type.Optional(Type.Array(Uuid, { maxItems: 3, uniqueItems: true })),
  },
  { additionalProperties: false },
)
export type CreateComplaintRequest = Static<typeof CreateComplaintRequest>

const DepartmentRef = Type.Object({ id: Uuid, name: Type.String() })
const CaseRef = Type.Object({ id: Uuid, number: Type.String(), matterName: Type.String() })

export const ComplaintReply = Type.Object({
  text: Type.String(),
  at: Type.String({ format: 'date-time' }),
  by: Type.String({ description: 'As the citizen sees it: the department, e.g. 玉门市市场监督管理局' }),
})
export type ComplaintReply = Static<typeof ComplaintReply>

export const ComplaintRating = Type.Object({
  satisfaction: ComplaintSatisfactionSchema,
  comment: Type.String(),
  at: Type.String({ format: 'date-time' }),
})
export type ComplaintRating = Static<typeof ComplaintRating>

export const ComplaintSummary = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'e.g. TS20261122000123 (投诉) or JY… (建议)' }),
  kind: ComplaintKindSchema,
  category: ComplaintCategorySchema,
  excerpt: Type.String({ description: 'The first characters of the text' }),
  status: ComplaintStatusSchema,
  department: Type.Union([DepartmentRef, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  deadline: Type.Union([CaseDeadline, Type.Null()], { description: 'Reply deadline and light; frozen once replied' }),
})
export type ComplaintSummary = Static<typeof ComplaintSummary>

export const ComplaintDetail = Type.Object({
  ...ComplaintSummary.properties,
  content: Type.String(),
  case: Type.Union([CaseRef, Type.Null()]),
  photos: Type.Array(ComplaintPhoto),
  reply: Type.Union([ComplaintReply, Type.Null()]),
  rating: Type.Union([ComplaintRating, Type.Null()]),
  canRate: Type.Boolean(),
})
export type ComplaintDetail = Static<typeof ComplaintDetail>

export const ComplaintPage = Type.Object({ items: Type.Array(ComplaintSummary), ...PageInfo })
export type ComplaintPage = Static<typeof ComplaintPage>
export const ComplaintListQuery = Type.Object({ ...PageQuery })

export const RateComplaintReplyRequest = Type.Object(
  {
    satisfaction: ComplaintSatisfactionSchema,
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)
export type RateComplaintReplyRequest = Static<typeof RateComplaintReplyRequest>

/* ---------------- staff ---------------- */

export const StaffComplaintListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(ComplaintStatusSchema),
  light: Type.Optional(Type.Enum(keysOf(LIGHTS))),
  open: Type.Optional(Type.Boolean({ description: 'Only submitted/processing (default false: all)' })),
})
export type StaffComplaintListQuery = Static<typeof StaffComplaintListQuery>

export const StaffComplaintSummary = Type.Object({
  ...ComplaintSummary.properties,
  citizenNameMasked: Type.String({ description: '张** ; 未实名用户 when no real name was declared' }),
})
export type StaffComplaintSummary = Static<typeof StaffComplaintSummary>

export const StaffComplaintPage = Type.Object({ items: Type.Array(StaffComplaintSummary), ...PageInfo })
export type StaffComplaintPage = Static<typeof StaffComplaintPage>

export const StaffComplaintDetail = Type.Object({
  ...ComplaintDetail.properties,
  citizenNameMasked: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()], { description: '138****5678' }),
  handledBy: Type.Union([Type.String(), Type.Null()], { description: 'Who accepted or replied, masked: 王**' }),
  allowedActions: Type.Array(ComplaintActionSchema),
})
export type StaffComplaintDetail = Static<typeof StaffComplaintDetail>

export const ComplaintActionRequest = Type.Object(
  {
    action: ComplaintActionSchema,
    text: Type.Optional(Type.String({ maxLength: 2000, description: 'The reply (reply: required, ≥ 10 characters)' })),
    departmentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
)
export type ComplaintActionRequest = Static<typeof ComplaintActionRequest>
