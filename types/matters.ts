/**
 * The service guide (办事指南) of a matter (事项), after GB/T 39046-2020.
 * Served by /api/matters; edited in part by staff through /api/staff/matters.
 */
import { Type, type Static } from 'typebox'
import { AUDIENCES, CASE_KINDS, MATTER_TYPES, keysOf } from './enums'
import { PageInfo, PageQuery, Uuid } from './common'

export const MatterTypeSchema = Type.Enum(keysOf(MATTER_TYPES))
export const CaseKindSchema = Type.Enum(keysOf(CASE_KINDS))
export const AudienceSchema = Type.Enum(keysOf(AUDIENCES))

export const DocumentRef = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  mimeType: Type.String(),
  bytes: Type.Integer(),
  url: Type.String({ description: 'Path under the API, e.g. /api/documents/{id}' }),
})
export type DocumentRef = Static<typeof DocumentRef>

export const Material = Type.Object({
  id: Uuid,
  name: Type.String(),
  issuer: Type.String({ description: '来源渠道 / 出具单位' }),
  originals: Type.Integer({ minimum: 0, description: '原件份数' }),
  copies: Type.Integer({ minimum: 0, description: '复印件份数' }),
  required: Type.Boolean(),
  acceptsTolerance: Type.Boolean({ description: '可容缺受理' }),
  notes: Type.String(),
  template: Type.Union([DocumentRef, Type.Null()], { description: '空白表格' }),
  sample: Type.Union([DocumentRef, Type.Null()], { description: '填写样例' }),
})
export type Material = Static<typeof Material>

export const ProcessStep = Type.Object({
  name: Type.String(),
  description: Type.String(),
})
export type ProcessStep = Static<typeof ProcessStep>

export const FeeItem = Type.Object({
  name: Type.String(),
  amountFen: Type.Integer({ minimum: 0, description: 'Amount in fen (分)' }),
  unit: Type.String({ description: 'e.g. 每本, 每件' }),
})
export type FeeItem = Static<typeof FeeItem>

export const Faq = Type.Object({
  question: Type.String({ minLength: 2, maxLength: 200 }),
  answer: Type.String({ minLength: 2, maxLength: 1000 }),
})
export type Faq = Static<typeof Faq>

export const MatterFlags = Type.Object({
  appointment: Type.Boolean({ description: '支持预约' }),
  onlinePayment: Type.Boolean({ description: '支持网上缴费' }),
  mailDelivery: Type.Boolean({ description: '支持邮寄' }),
  onlineApplication: Type.Boolean({ description: '支持网上申办' }),
})
export type MatterFlags = Static<typeof MatterFlags>

const matterSummaryFields = {
  id: Uuid,
  name: Type.String(),
  type: MatterTypeSchema,
  caseKind: CaseKindSchema,
  department: Type.Object({ id: Uuid, name: Type.String() }),
  promisedLimitDays: Type.Integer({ minimum: 0, description: '承诺办结时限 (working days)' }),
  visitsRequired: Type.Integer({ minimum: 0, description: '到现场次数' }),
  audiences: Type.Array(AudienceSchema),
  topics: Type.Array(Type.String()),
  flags: MatterFlags,
}

export const MatterSummary = Type.Object(matterSummaryFields)
export type MatterSummary = Static<typeof MatterSummary>

export const MatterDetail = Type.Object({
  ...matterSummaryFields,
  basicCode: Type.String({ maxLength: 12, description: '基本编码' }),
  implementationCode: Type.String({ maxLength: 64, description: '实施编码' }),
  department: Type.Object({
    id: Uuid,
    name: Type.String(),
    creditCode: Type.String({ description: '实施主体统一社会信用代码' }),
  }),
  legalLimitDays: Type.Integer({ minimum: 0, description: '法定办结时限 (working days)' }),
  legalBasis: Type.String({ description: '设定依据' }),
  conditions: Type.Array(Type.String(), { description: '受理条件' }),
  process: Type.Array(ProcessStep, { description: '办理流程' }),
  materials: Type.Array(Material),
  fee: Type.Object({
    charged: Type.Boolean(),
    basis: Type.String({ description: '收费依据' }),
    items: Type.Array(FeeItem),
  }),
  hall: Type.Object({
    id: Uuid,
    name: Type.String(),
    address: Type.String(),
    latitude: Type.Number(),
    longitude: Type.Number(),
    hoursText: Type.String(),
    windows: Type.Array(Type.String(), { description: 'Window numbers that handle this matter' }),
  }),
  consultPhone: Type.String({ description: '咨询电话' }),
  supervisionPhone: Type.String({ description: '监督投诉电话' }),
  faqs: Type.Array(Faq),
  updatedAt: Type.String({ format: 'date-time' }),
})
export type MatterDetail = Static<typeof MatterDetail>

export const MatterListQuery = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 40, description: 'Name, keyword or pinyin initials (e.g. sfz for 身份证)' }),
  ),
  audience: Type.Optional(AudienceSchema),
  topic: Type.Optional(Type.String({ maxLength: 20 })),
  departmentId: Type.Optional(Uuid),
  ...PageQuery,
})
export type MatterListQuery = Static<typeof MatterListQuery>

export const MatterPage = Type.Object({ items: Type.Array(MatterSummary), ...PageInfo })
export type MatterPage = Static<typeof MatterPage>

const phone = Type.String({ pattern: '^[0-9-]{5,20}$', description: 'Landline or hotline, digits and dashes' })

/** What a department's staff may change in their own service guides. */
export const MatterGuidePatch = Type.Object(
  {
    consultPhone: Type.Optional(phone),
    supervisionPhone: Type.Optional(phone),
    faqs: Type.Optional(Type.Array(Faq, { maxItems: 30 })),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type MatterGuidePatch = Static<typeof MatterGuidePatch>
