/**
 * Copies of the contract's notification labels (types/enums.ts), for the
 * message centre and the admins' delivery list. Copied rather than imported
 * so these maps never join the main package; notificationLabels.test.ts
 * checks they stay equal to the contract's.
 */
import type { NotificationChannelName, NotificationDeliveryStatus, NotificationKind } from '../../types/enums'

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  prereviewResult: '预审结果通知',
  correctionNeeded: '材料补正提醒',
  appointmentReminder: '预约办事提醒',
  caseStep: '办件进度通知',
  paymentDue: '缴费提醒',
  ratingReply: '评价回复通知',
  complaintReply: '投诉建议答复通知',
}

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannelName, string> = {
  wechat: '微信订阅消息',
  sms: '短信',
}

export const DELIVERY_STATUS_LABELS: Record<NotificationDeliveryStatus, string> = {
  queued: '待发送',
  sent: '已发送',
  failed: '发送失败',
}

/** A kind's label; '' for none or one this build does not know (a newer server). */
export function kindLabel(kind: string | null | undefined): string {
  return kind ? ((NOTIFICATION_KIND_LABELS as Record<string, string>)[kind] ?? '') : ''
}
