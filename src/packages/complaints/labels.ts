/**
 * The complaint labels of types/complaints.ts, copied: importing values from
 * there would bundle typebox into the app. labels.test.ts checks they are
 * equal. The staff subpackage imports this file too (a module two
 * subpackages share is copied into both, not into the main package).
 */
import type {
  ComplaintAction,
  ComplaintCategory,
  ComplaintKind,
  ComplaintSatisfaction,
  ComplaintStatus,
} from '../../../types/complaints'

/** The citizen-facing hotline (GOVERNMENT_HOTLINE). */
export const HOTLINE = '12345'

/** Working days a department has to reply (COMPLAINT_REPLY_DAYS). */
export const REPLY_DAYS = 5

export const KIND_LABELS: Record<ComplaintKind, string> = {
  complaint: '投诉',
  suggestion: '建议',
}

export const CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  attitude: '服务态度',
  efficiency: '办事效率',
  materials: '材料与流程',
  hall: '大厅环境与设施',
  app: '平台使用',
  integrity: '廉政作风',
  other: '其他',
}

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  submitted: '待受理',
  processing: '处理中',
  replied: '已答复',
  rated: '已评价',
}

export const ACTION_LABELS: Record<ComplaintAction, string> = {
  accept: '受理',
  reply: '答复',
  assign: '指派部门',
}

export const SATISFACTION_LABELS: Record<ComplaintSatisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}

/** The contract's lengths (CreateComplaintRequest, ComplaintActionRequest), checked before sending only to spare a round trip. */
export const CONTENT_MIN = 10
export const CONTENT_MAX = 1000
export const REPLY_MIN = 10
export const REPLY_MAX = 2000
export const COMMENT_MAX = 500
export const PHOTO_MAX = 3

export const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as K[]
