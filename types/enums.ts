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

/**
 * Case (办件) statuses. Internal names; the numeric codes of the provincial
 * exchange systems are mapped at that boundary only (CASE_STATUS_EXCHANGE_CODES).
 */
export const CASE_STATUSES = {
  received: '已接件',
  cancelled: '已撤件',
  accepted: '已受理',
  notAccepted: '不受理',
  rejected: '不予受理',
  correctionStarted: '补正开始',
  correctionEnded: '补正结束',
  handling: '部门开始办理',
  specialStarted: '特别程序开始',
  specialEnded: '特别程序结束',
  approved: '办结通过',
  approvedWithTolerance: '办结容缺通过',
  disapproved: '办结不通过',
  withdrawn: '撤回',
  revoked: '撤销',
} as const
export type CaseStatus = keyof typeof CASE_STATUSES

/** Codes 1–15 of the provincial exchange systems (DOMAIN.md "Cases"). */
export const CASE_STATUS_EXCHANGE_CODES: Record<CaseStatus, number> = {
  received: 1,
  cancelled: 2,
  accepted: 3,
  notAccepted: 4,
  rejected: 5,
  correctionStarted: 6,
  correctionEnded: 7,
  handling: 8,
  specialStarted: 9,
  specialEnded: 10,
  approved: 11,
  approvedWithTolerance: 12,
  disapproved: 13,
  withdrawn: 14,
  revoked: 15,
}

/** What a staff member or the applicant may do to a case; the server decides which apply now. */
export const CASE_ACTIONS = {
  accept: '受理',
  notAccept: '不受理',
  reject: '不予受理',
  requestCorrection: '一次性告知补正',
  endCorrection: '补正完成',
  startHandling: '开始办理',
  startSpecial: '启动特别程序',
  endSpecial: '结束特别程序',
  approve: '办结（通过）',
  approveWithTolerance: '办结（容缺通过）',
  disapprove: '办结（不通过）',
  withdraw: '撤回申请',
} as const
export type CaseAction = keyof typeof CASE_ACTIONS

/** Actions that must say why (the applicant reads it); the server refuses them without a comment. */
export const CASE_ACTIONS_NEEDING_COMMENT: readonly CaseAction[] = ['notAccept', 'reject', 'requestCorrection', 'disapprove', 'startSpecial']

/** The outcome recorded on each step (通过/退回/其他). */
export const STEP_OUTCOMES = {
  pass: '通过',
  return: '退回',
  other: '其他',
} as const
export type StepOutcome = keyof typeof STEP_OUTCOMES

export const LIGHTS = {
  green: '正常',
  yellow: '即将到期',
  red: '已超期',
} as const
export type Light = keyof typeof LIGHTS

/** A pre-review (预审) as the citizen sees it; a bundle's parts are reviewed in parallel. */
export const PREREVIEW_STATUSES = {
  draft: '草稿',
  submitted: '待审核',
  returned: '待补正',
  passed: '预审通过',
  refused: '不予受理',
  withdrawn: '已撤回',
} as const
export type PrereviewStatus = keyof typeof PREREVIEW_STATUSES

/** One department's part of a pre-review (one per member service of a bundle). */
export const PART_STATUSES = {
  waiting: '未提交',
  pending: '待审核',
  passed: '通过',
  tolerated: '容缺通过',
  returned: '退回补正',
  refused: '不予受理',
} as const
export type PartStatus = keyof typeof PART_STATUSES

export const MATERIAL_VERDICTS = {
  pass: '通过',
  return: '退回',
} as const
export type MaterialVerdict = keyof typeof MATERIAL_VERDICTS

/** A reviewer's reply on one part. */
export const PREREVIEW_DECISIONS = {
  pass: '预审通过',
  tolerate: '容缺通过',
  return: '退回补正',
  refuse: '不予受理',
} as const
export type PrereviewDecision = keyof typeof PREREVIEW_DECISIONS

export const FORM_FIELD_KINDS = {
  text: '文本',
  textarea: '多行文本',
  number: '数字',
  date: '日期',
  select: '选项',
} as const
export type FormFieldKind = keyof typeof FORM_FIELD_KINDS

/** What happened on a pre-review; the history shows every one of them. */
export const PREREVIEW_EVENTS = {
  submitted: '提交预审',
  resubmitted: '补正后重新提交',
  claimed: '开始审核',
  released: '放弃审核',
  materialMarked: '审核材料',
  decided: '答复',
  caseCreated: '生成办件',
  withdrawn: '撤回',
} as const
export type PrereviewEvent = keyof typeof PREREVIEW_EVENTS

/**
 * Common return reasons (types/returnReasons.ts). Kept in their own module so that
 * only the staff subpackage, which offers them, carries their text (webpack places
 * a module by who imports it; enums.ts is in the weapp main package).
 */
export { RETURN_REASONS } from './returnReasons'

/** Accepted upload types, checked by magic bytes on the server. */
export const UPLOAD_MIME_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'] as const
export type UploadMimeType = (typeof UPLOAD_MIME_TYPES)[number]

/** Appointment (预约) statuses. A booking starts `booked`; staff move it on at the hall. */
export const APPOINTMENT_STATUSES = {
  booked: '已预约',
  cancelled: '已取消',
  checkedIn: '已签到',
  served: '已办理',
  noShow: '未到（爽约）',
} as const
export type AppointmentStatus = keyof typeof APPOINTMENT_STATUSES

/** Why a booking was cancelled. */
export const APPOINTMENT_CANCEL_KINDS = {
  citizen: '本人取消',
  rescheduled: '已改约',
  closure: '大厅闭厅',
} as const
export type AppointmentCancelKind = keyof typeof APPOINTMENT_CANCEL_KINDS

/** A bookable day as the citizen sees it. Holidays are never listed at all. */
export const APPOINTMENT_DAY_STATUSES = {
  open: '可预约',
  full: '已约满',
  closed: '闭厅',
  unavailable: '当日不开放预约',
} as const
export type AppointmentDayStatus = keyof typeof APPOINTMENT_DAY_STATUSES

/** What staff may do to a booking now; the server decides which apply. */
export const APPOINTMENT_STAFF_ACTIONS = {
  checkIn: '签到取号',
  serve: '办理完成',
  noShow: '标记未到',
} as const
export type AppointmentStaffAction = keyof typeof APPOINTMENT_STAFF_ACTIONS

/** What a notification is about; picks the WeChat subscribe template and the SMS template. */
export const NOTIFICATION_KINDS = {
  prereviewResult: '预审结果通知',
  correctionNeeded: '材料补正提醒',
  appointmentReminder: '预约办事提醒',
  caseStep: '办件进度通知',
  paymentDue: '缴费提醒',
  ratingReply: '评价回复通知',
  complaintReply: '投诉建议答复通知',
} as const
export type NotificationKind = keyof typeof NOTIFICATION_KINDS

/** What a notification links to, so the app can open it. */
export const NOTIFICATION_SUBJECT_KINDS = {
  case: '办件',
  prereview: '预审',
  appointment: '预约',
  payment: '缴费',
  rating: '评价',
  complaint: '投诉建议',
} as const
export type NotificationSubjectKind = keyof typeof NOTIFICATION_SUBJECT_KINDS

/** Channels beyond the in-app message centre, and where a delivery stands. */
export const NOTIFICATION_CHANNELS = {
  wechat: '微信订阅消息',
  sms: '短信',
} as const
export type NotificationChannelName = keyof typeof NOTIFICATION_CHANNELS

export const NOTIFICATION_DELIVERY_STATUSES = {
  queued: '待发送',
  sent: '已发送',
  failed: '发送失败',
} as const
export type NotificationDeliveryStatus = keyof typeof NOTIFICATION_DELIVERY_STATUSES

/**
 * A fee order (缴款单) as everyone sees it. `paying`: a WeChat Pay order was
 * opened and no result is known yet (the server asks WeChat Pay before ever
 * showing it unpaid). `expired`: past the deadline (限缴日期) unpaid, closed at
 * WeChat Pay. `cancelled`: withdrawn by staff before payment.
 */
export const FEE_ORDER_STATUSES = {
  unpaid: '待缴费',
  paying: '支付中',
  paid: '已缴费',
  expired: '已过期',
  cancelled: '已撤销',
  refunding: '退款中',
  refunded: '已退款',
} as const
export type FeeOrderStatus = keyof typeof FEE_ORDER_STATUSES

/** How the citizen pays: JSAPI in the mini-program, H5 in a phone browser, native (QR) on a desktop. */
export const PAY_METHODS = {
  jsapi: '微信支付（小程序）',
  h5: '微信支付（H5）',
  native: '微信扫码支付',
} as const
export type PayMethod = keyof typeof PAY_METHODS

/** A refund at WeChat Pay (full refund of one paid payment). */
export const REFUND_STATUSES = {
  processing: '退款处理中',
  success: '退款成功',
  closed: '退款关闭',
  abnormal: '退款异常',
} as const
export type RefundStatus = keyof typeof REFUND_STATUSES

/**
 * Rating levels (好差评), named internally. The two published code conventions
 * are OPPOSITE (GB/T 39046: 1 = 非常满意; the provincial rating API: 1 = 非常不满意);
 * they are mapped only at their boundaries (server/src/domain/ratings/codes.ts).
 * Listed best first.
 */
export const RATING_LEVELS = {
  verySatisfied: '非常满意',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  veryDissatisfied: '非常不满意',
} as const
export type RatingLevel = keyof typeof RATING_LEVELS

/** 差评: these levels need a reason (tag or text) and enter the rectification loop. */
export const BAD_RATING_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'veryDissatisfied']

/** Where a rating came from (DOMAIN.md "Ratings"). */
export const RATING_CHANNELS = {
  pc: 'PC端',
  mobile: '移动端',
  qrCode: '二维码',
  hallTablet: '大厅评价器',
  hallTerminal: '其他大厅终端',
  sms: '短信',
  systemDefault: '系统默认',
} as const
export type RatingChannel = keyof typeof RATING_CHANNELS

/** Which service is rated: online (网上办事) or in person at the hall (现场办事). */
export const RATING_DIMENSIONS = {
  online: '网上办事',
  inPerson: '现场办事',
} as const
export type RatingDimension = keyof typeof RATING_DIMENSIONS

/** The scored items (1–5 stars, 5 best) of each dimension; `overall` is in both. */
export const RATING_ONLINE_ITEMS = {
  overall: '总体评价',
  efficiency: '办事效率',
  guideAccuracy: '指南准确性',
  convenience: '办事便捷度',
  usability: '平台易用性',
} as const
export type RatingOnlineItem = keyof typeof RATING_ONLINE_ITEMS

export const RATING_IN_PERSON_ITEMS = {
  overall: '总体评价',
  efficiency: '办事效率',
  competence: '业务能力',
  attitude: '服务态度',
} as const
export type RatingInPersonItem = keyof typeof RATING_IN_PERSON_ITEMS

/** What is rated: a case (一事一评) or a hall visit = a checked-in appointment (一次一评). */
export const RATING_TARGET_KINDS = {
  case: '办件',
  visit: '现场办事',
} as const
export type RatingTargetKind = keyof typeof RATING_TARGET_KINDS

/** Where a 差评 stands in the department's loop. */
export const BAD_RATING_STATUSES = {
  pending: '待核实',
  verified: '整改中',
  rectified: '已整改回复',
  excluded: '申诉成立（不计入）',
} as const
export type BadRatingStatus = keyof typeof BAD_RATING_STATUSES

export const APPEAL_STATUSES = {
  pending: '待裁定',
  upheld: '申诉成立',
  rejected: '申诉驳回',
} as const
export type AppealStatus = keyof typeof APPEAL_STATUSES

/** What staff may do to a 差评 now; the server decides which apply. */
export const BAD_RATING_ACTIONS = {
  verify: '核实',
  rectify: '整改并回复',
  appeal: '申诉',
  decideAppeal: '裁定申诉',
} as const
export type BadRatingAction = keyof typeof BAD_RATING_ACTIONS

/** What happened to a rating; staff see every one. */
export const RATING_EVENTS = {
  rated: '提交评价',
  assigned: '差评分派至部门',
  verified: '核实',
  rectified: '整改并回复',
  appealed: '提出申诉',
  appealUpheld: '申诉成立',
  appealRejected: '申诉驳回',
  reRated: '群众再次评价',
} as const
export type RatingEvent = keyof typeof RATING_EVENTS

/** Statistics trend buckets. */
export const RATING_GRANULARITIES = {
  week: '按周',
  month: '按月',
} as const
export type RatingGranularity = keyof typeof RATING_GRANULARITIES

/**
 * Rating tags and 差评 reasons live in types/ratingTags.ts and are NOT re-exported
 * here: RATING_TAGS is built with a spread the minifier cannot drop, which put
 * every tag's text into the mini-program's main package.
 */
