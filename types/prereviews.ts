/**
 * Pre-review (预审): the citizen fills one form and attaches every material
 * online; each department concerned reviews its part, material by material,
 * and replies pass / 容缺 pass / return for correction / refuse. A pre-review
 * of a 一件事 bundle has one part per member service; it passes when every
 * part passes, and each part then becomes its department's case.
 *
 * Citizen: /api/prereviews. Staff: /api/staff/prereviews (by part).
 * Files: uploaded as multipart, served through short-lived signed URLs.
 */
import { Type, type Static } from 'typebox'
import {
  DELIVERY_MODES,
  FORM_FIELD_KINDS,
  MATERIAL_VERDICTS,
  PART_STATUSES,
  PREREVIEW_DECISIONS,
  PREREVIEW_EVENTS,
  PREREVIEW_STATUSES,
  UPLOAD_MIME_TYPES,
  keysOf,
} from './enums'
import { PageInfo, PageQuery, Uuid } from './common'
import { CaseDeadline, LightSchema } from './cases'
import { DocumentRef } from './matters'

export const PrereviewStatusSchema = Type.Enum(keysOf(PREREVIEW_STATUSES))
export const PartStatusSchema = Type.Enum(keysOf(PART_STATUSES))
export const MaterialVerdictSchema = Type.Enum(keysOf(MATERIAL_VERDICTS))
export const PrereviewDecisionSchema = Type.Enum(keysOf(PREREVIEW_DECISIONS))
export const FormFieldKindSchema = Type.Enum(keysOf(FORM_FIELD_KINDS))
export const PrereviewEventSchema = Type.Enum(keysOf(PREREVIEW_EVENTS))
export const UploadMimeTypeSchema = Type.Enum([...UPLOAD_MIME_TYPES])
const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Shanghai)' })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])

/** A field of a service's application form (applicant identity comes from the real-name profile). */
export const FormField = Type.Object({
  key: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]{0,39}$' }),
  label: Type.String(),
  kind: FormFieldKindSchema,
  required: Type.Boolean(),
  options: Type.Optional(Type.Array(Type.String())),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
  placeholder: Type.Optional(Type.String()),
})
export type FormField = Static<typeof FormField>

/** One material to attach. In a bundle, a material several services ask for is asked once. */
export const MaterialSlot = Type.Object({
  key: Uuid,
  name: Type.String(),
  issuer: Type.String(),
  required: Type.Boolean(),
  acceptsTolerance: Type.Boolean({ description: '可容缺受理: may be supplied after acceptance' }),
  notes: Type.String(),
  template: Nullable(DocumentRef),
  sample: Nullable(DocumentRef),
  matterIds: Type.Array(Uuid, { description: 'The member services that ask for it' }),
})
export type MaterialSlot = Static<typeof MaterialSlot>

export const PrereviewTarget = Type.Union([
  Type.Object({ kind: Type.Literal('matter'), matterId: Uuid }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('bundle'), bundleId: Uuid }, { additionalProperties: false }),
])
export type PrereviewTarget = Static<typeof PrereviewTarget>

/** GET /api/prereviews/form?matterId= | ?bundleId= — what to fill and attach, before any draft exists. */
export const PrereviewFormQuery = Type.Object({
  matterId: Type.Optional(Uuid),
  bundleId: Type.Optional(Uuid),
})
export type PrereviewFormQuery = Static<typeof PrereviewFormQuery>

export const PrereviewForm = Type.Object({
  target: PrereviewTarget,
  title: Type.String({ description: 'The service or bundle name' }),
  parts: Type.Array(Type.Object({ matterId: Uuid, matterName: Type.String(), departmentName: Type.String() })),
  fields: Type.Array(FormField),
  materials: Type.Array(MaterialSlot),
  visitsRequired: Type.Integer({ description: 'Most visits any member service needs after a pass (0 = 全程网办)' }),
})
export type PrereviewForm = Static<typeof PrereviewForm>

/** POST /api/prereviews — creates the draft; the same clientKey returns the same draft (retries, double taps). */
export const CreatePrereviewRequest = Type.Object(
  { clientKey: Uuid, target: PrereviewTarget },
  { additionalProperties: false },
)
export type CreatePrereviewRequest = Static<typeof CreatePrereviewRequest>

export const DeliveryChoice = Type.Object(
  {
    mode: Type.Enum(keysOf(DELIVERY_MODES)),
    address: Type.Optional(Type.String({ minLength: 5, maxLength: 200 })),
  },
  { additionalProperties: false },
)
export type DeliveryChoice = Static<typeof DeliveryChoice>

/** PATCH /api/prereviews/:id — saves the draft (or the correction) as the citizen types. */
export const PrereviewDraftPatch = Type.Object(
  {
    fields: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 2000 }), { maxProperties: 60 })),
    delivery: Type.Optional(DeliveryChoice),
  },
  { additionalProperties: false },
)
export type PrereviewDraftPatch = Static<typeof PrereviewDraftPatch>

export const PrereviewFile = Type.Object({
  id: Uuid,
  mimeType: UploadMimeTypeSchema,
  bytes: Type.Integer(),
  round: Type.Integer({ description: 'The round it was attached in' }),
  url: Type.String({ description: 'Signed, short-lived; works without headers (img src, download)' }),
  urlExpiresAt: Type.String({ format: 'date-time' }),
  uploadedAt: Type.String({ format: 'date-time' }),
})
export type PrereviewFile = Static<typeof PrereviewFile>

export const MaterialReview = Type.Object({
  partId: Uuid,
  departmentName: Type.String(),
  round: Type.Integer(),
  verdict: MaterialVerdictSchema,
  reason: Type.String(),
})
export type MaterialReview = Static<typeof MaterialReview>

export const MaterialState = Type.Object({
  slot: MaterialSlot,
  files: Type.Array(PrereviewFile, { description: 'Current pages, in order' }),
  earlierFiles: Type.Array(PrereviewFile, { description: 'Pages replaced in a correction, kept for the history' }),
  reviews: Type.Array(MaterialReview, { description: 'Latest verdict of each part in the latest reviewed round' }),
  editable: Type.Boolean({ description: 'The citizen may change its pages now' }),
})
export type MaterialState = Static<typeof MaterialState>

export const Tolerance = Type.Object({
  materialKeys: Type.Array(Uuid, { minItems: 1 }),
  materialNames: Type.Array(Type.String()),
  promisedOn: DateOnly,
})
export type Tolerance = Static<typeof Tolerance>

/** The receipt of one passed part: its case. The query password is for lookups without signing in. */
export const CaseReceipt = Type.Object({
  caseId: Uuid,
  caseNumber: Type.String(),
  queryPassword: Type.String(),
  receiptCode: Type.String({ description: 'What the receipt QR code encodes: PYC1:<办件编号>:<查询密码> (src/components/receiptCode.ts reads it)' }),
  needsVisit: Type.Boolean({ description: 'Originals must be shown once at the hall: book an appointment' }),
  hall: Type.Object({ id: Uuid, name: Type.String(), address: Type.String() }),
})
export type CaseReceipt = Static<typeof CaseReceipt>

export const PartView = Type.Object({
  id: Uuid,
  matterId: Uuid,
  matterName: Type.String(),
  departmentName: Type.String(),
  status: PartStatusSchema,
  reply: Type.String({ description: 'The reviewer’s reply (the one complete notice on a return)' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  deadline: Nullable(CaseDeadline),
  tolerance: Nullable(Tolerance),
  receipt: Nullable(CaseReceipt),
})
export type PartView = Static<typeof PartView>

export const HistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  round: Type.Integer(),
  kind: PrereviewEventSchema,
  actor: Type.String({ description: 'As the citizen may see it: 申请人, 窗口人员 王**, 系统' }),
  matterName: Nullable(Type.String()),
  materialName: Nullable(Type.String()),
  comment: Type.String(),
})
export type HistoryEntry = Static<typeof HistoryEntry>

export const PrereviewSummary = Type.Object({
  id: Uuid,
  number: Nullable(Type.String({ description: '预审编号, given on first submission' })),
  title: Type.String(),
  status: PrereviewStatusSchema,
  round: Type.Integer({ description: '1 on first submission, +1 per correction' }),
  updatedAt: Type.String({ format: 'date-time' }),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
})
export type PrereviewSummary = Static<typeof PrereviewSummary>

export const PrereviewDetail = Type.Object({
  ...PrereviewSummary.properties,
  target: PrereviewTarget,
  form: Type.Array(FormField),
  fields: Type.Record(Type.String(), Type.String()),
  delivery: Nullable(DeliveryChoice),
  applicant: Type.Object({
    nameMasked: Type.String(),
    idNumberMasked: Nullable(Type.String()),
    phoneMasked: Nullable(Type.String()),
  }),
  materials: Type.Array(MaterialState),
  parts: Type.Array(PartView),
  history: Type.Array(HistoryEntry),
  limits: Type.Object({ maxFileBytes: Type.Integer(), maxTotalBytes: Type.Integer(), usedBytes: Type.Integer() }),
  canSubmit: Type.Boolean(),
  canWithdraw: Type.Boolean(),
})
export type PrereviewDetail = Static<typeof PrereviewDetail>

export const PrereviewPage = Type.Object({ items: Type.Array(PrereviewSummary), ...PageInfo })
export type PrereviewPage = Static<typeof PrereviewPage>
export const PrereviewListQuery = Type.Object({ ...PageQuery })
export type PrereviewListQuery = Static<typeof PrereviewListQuery>

export const MaterialParams = Type.Object({ id: Uuid, slotKey: Uuid })
export type MaterialParams = Static<typeof MaterialParams>
export const FileParams = Type.Object({ id: Uuid, fileId: Uuid })
export type FileParams = Static<typeof FileParams>

/** POST /api/prereviews/:id/submit — repeating it for the same round answers the same result. */
export const SubmitPrereviewRequest = Type.Object(
  {
    subscriptions: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        maxItems: 3,
        description: 'WeChat subscribe-message templates the citizen accepted in the submit tap',
      }),
    ),
  },
  { additionalProperties: false },
)
export type SubmitPrereviewRequest = Static<typeof SubmitPrereviewRequest>

export const WithdrawPrereviewRequest = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
)
export type WithdrawPrereviewRequest = Static<typeof WithdrawPrereviewRequest>

/** GET /api/files/:fileId?expires=&signature= — the bytes, to whoever holds a fresh signed URL. */
export const SignedFileQuery = Type.Object({
  expires: Type.Integer({ minimum: 0 }),
  signature: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }),
})
export type SignedFileQuery = Static<typeof SignedFileQuery>

// ---- staff ----

export const StaffPrereviewListQuery = Type.Object({
  ...PageQuery,
  light: Type.Optional(LightSchema),
  status: Type.Optional(PartStatusSchema),
  active: Type.Optional(Type.Boolean({ description: 'Only parts waiting for review (default true)' })),
})
export type StaffPrereviewListQuery = Static<typeof StaffPrereviewListQuery>

export const Claim = Type.Object({
  staffName: Type.String(),
  mine: Type.Boolean(),
  expiresAt: Type.String({ format: 'date-time' }),
})
export type Claim = Static<typeof Claim>

export const StaffPartSummary = Type.Object({
  partId: Uuid,
  prereviewId: Uuid,
  number: Type.String(),
  matterName: Type.String(),
  bundleName: Nullable(Type.String()),
  applicantNameMasked: Type.String(),
  status: PartStatusSchema,
  round: Type.Integer(),
  submittedAt: Type.String({ format: 'date-time' }),
  deadline: Nullable(CaseDeadline),
  claim: Nullable(Claim),
})
export type StaffPartSummary = Static<typeof StaffPartSummary>

export const StaffPartPage = Type.Object({ items: Type.Array(StaffPartSummary), ...PageInfo })
export type StaffPartPage = Static<typeof StaffPartPage>

export const StaffPartDetail = Type.Object({
  ...StaffPartSummary.properties,
  applicant: Type.Object({ name: Type.String(), idNumberMasked: Nullable(Type.String()), phoneMasked: Nullable(Type.String()) }),
  form: Type.Array(FormField),
  fields: Type.Record(Type.String(), Type.String()),
  delivery: Nullable(DeliveryChoice),
  materials: Type.Array(
    Type.Object({
      slot: MaterialSlot,
      files: Type.Array(PrereviewFile),
      verdict: Nullable(Type.Object({ verdict: MaterialVerdictSchema, reason: Type.String() })),
      changedThisRound: Type.Boolean({ description: 'Replaced by the citizen in this correction round' }),
      earlierReviews: Type.Array(MaterialReview),
    }),
  ),
  part: PartView,
  otherParts: Type.Array(Type.Object({ matterName: Type.String(), departmentName: Type.String(), status: PartStatusSchema })),
  history: Type.Array(HistoryEntry),
  allowedDecisions: Type.Array(PrereviewDecisionSchema, { description: 'Decided by the server from the verdicts and the claim' }),
})
export type StaffPartDetail = Static<typeof StaffPartDetail>

export const PartParams = Type.Object({ partId: Uuid })
export type PartParams = Static<typeof PartParams>
export const PartMaterialParams = Type.Object({ partId: Uuid, slotKey: Uuid })
export type PartMaterialParams = Static<typeof PartMaterialParams>

/** PUT /api/staff/prereviews/:partId/materials/:slotKey — a return needs its reason. */
export const MaterialVerdictRequest = Type.Object(
  { verdict: MaterialVerdictSchema, reason: Type.String({ maxLength: 500, default: '' }) },
  { additionalProperties: false },
)
export type MaterialVerdictRequest = Static<typeof MaterialVerdictRequest>

/**
 * POST /api/staff/prereviews/:partId/decision.
 * pass: every material of the part passed. return: at least one returned, all
 * returns listed in one notice. tolerate: only non-essential materials missing
 * or returned, listed with a promised date. refuse: the legal reason.
 */
export const DecisionRequest = Type.Object(
  {
    decision: PrereviewDecisionSchema,
    comment: Type.String({ maxLength: 1000, default: '' }),
    tolerance: Type.Optional(
      Type.Object(
        { materialKeys: Type.Array(Uuid, { minItems: 1, maxItems: 30 }), promisedOn: DateOnly },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)
export type DecisionRequest = Static<typeof DecisionRequest>
