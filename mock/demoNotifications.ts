/**
 * Notification templates of the demo (`npm start`): the WeChat simulator
 * knows these subscribe templates and the SMS simulator these SMS templates,
 * and the server is configured with their ids, so every notification channel
 * runs locally. Keywords and variables: server/src/services/notifications/README.md.
 */
import { NOTIFICATION_KINDS, type NotificationKind } from '../types/enums'

const suffix = (kind: NotificationKind) => kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()

const WECHAT_KEYWORDS: Record<NotificationKind, readonly string[]> = {
  prereviewResult: ['thing1', 'phrase2', 'time3', 'thing4'],
  correctionNeeded: ['thing1', 'thing2', 'time3'],
  appointmentReminder: ['thing1', 'time2', 'thing3', 'thing4'],
  caseStep: ['thing1', 'phrase2', 'time3', 'thing4'],
  paymentDue: ['thing1', 'amount2', 'time3', 'thing4'],
  ratingReply: ['thing1', 'thing2', 'time3'],
  complaintReply: ['thing1', 'thing2', 'time3'],
}

const SMS_TEXT: Record<NotificationKind, string> = {
  prereviewResult: '您的“${matter}”预审结果：${status}。${note}',
  correctionNeeded: '您的“${matter}”预审需补正：${note}',
  appointmentReminder: '您预约的“${matter}”将于${time}在${place}办理，请按时到达。',
  caseStep: '您的办件“${matter}”进展：${status}。${note}',
  paymentDue: '您的办件“${matter}”待缴费${amount}元，请于${time}前缴纳。',
  ratingReply: '您对“${matter}”的评价已有回复：${note}',
  complaintReply: '您的“${matter}”已有答复：${note}',
}

const kinds = Object.keys(NOTIFICATION_KINDS) as NotificationKind[]
const wechatId = (kind: NotificationKind) => `demo_${suffix(kind).toLowerCase()}`
const smsCode = (kind: NotificationKind) => `SMS_DEMO_${suffix(kind)}`

export const demoSubscribeTemplates = Object.fromEntries(kinds.map((k) => [wechatId(k), WECHAT_KEYWORDS[k]]))
export const demoSmsTemplates = Object.fromEntries(kinds.map((k) => [smsCode(k), SMS_TEXT[k]]))
/** The server settings naming them. */
export const demoTemplateSettings: Record<string, string> = Object.fromEntries(
  kinds.flatMap((k) => [
    [`WECHAT_TEMPLATE_${suffix(k)}`, wechatId(k)],
    [`SMS_TEMPLATE_${suffix(k)}`, smsCode(k)],
  ]),
)
