/**
 * Named enums of the domain, with their Chinese labels. Plain constants (no
 * schema library) so the app can import them without pulling the validator
 * into its bundle. Internal values are names, never the codes of an external
 * standard; codes are mapped at the boundary that needs them.
 */

export const MATTER_TYPES = {
  licensing: '行政许可',
  confirmation: '行政确认',
  payment: '行政给付',
  ruling: '行政裁决',
  reward: '行政奖励',
  levy: '行政征收',
  otherPower: '其他行政权力',
  publicService: '公共服务',
} as const
export type MatterType = keyof typeof MATTER_TYPES

/** 即办件: settled on the spot; 承诺件: settled within the promised limit. */
export const CASE_KINDS = {
  immediate: '即办件',
  promised: '承诺件',
} as const
export type CaseKind = keyof typeof CASE_KINDS

export const AUDIENCES = {
  person: '个人办事',
  company: '法人办事',
} as const
export type Audience = keyof typeof AUDIENCES

/** The fixed service topics (主题服务) per audience; a topic counts for an audience only if listed here. */
export const TOPICS: Record<Audience, readonly string[]> = {
  person: ['户籍办理', '社会保障', '就业创业', '不动产', '交通出行', '婚育收养'],
  company: ['开办企业', '准营准办', '不动产', '交通运输'],
}

export const MATERIAL_FORMS = {
  original: '原件',
  copy: '复印件',
  electronic: '电子件',
} as const
export type MaterialForm = keyof typeof MATERIAL_FORMS

export const STAFF_ROLES = {
  window: '窗口人员',
  lead: '部门负责人',
  admin: '系统管理员',
} as const
export type StaffRole = keyof typeof STAFF_ROLES

/** How far a citizen's identity has been established. Declared = typed in and checksum-valid only. */
export const IDENTITY_LEVELS = {
  none: '未实名',
  declared: '已填报（未核验）',
  verified: '已核验',
} as const
export type IdentityLevel = keyof typeof IDENTITY_LEVELS

export const DELIVERY_MODES = {
  hall: '窗口领取',
  mail: '邮寄送达',
  electronic: '电子证照',
} as const
export type DeliveryMode = keyof typeof DELIVERY_MODES

export function keysOf<T extends Record<string, string>>(o: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(o) as [keyof T & string, ...(keyof T & string)[]]
}
