/**
 * Pure: what a notification kind sends as a WeChat subscribe message and as
 * an SMS. The WeChat template chosen for a kind in the admin console (公共模板库)
 * must have exactly the keywords listed in SUBSCRIBE_LAYOUTS; the Aliyun SMS
 * template for a kind may use the variables listed in SMS_VARIABLES.
 */
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationSubjectKind } from '../../../../types/enums'

/** Short facts for the templates; each falls back to the message's title, body or time when absent. */
export interface NotificationFacts {
  /** The matter (事项) or other thing the message is about. */
  matter?: string
  /** A short result or status in Chinese, e.g. 通过, 已受理 (WeChat phrase: at most 5 Chinese characters). */
  status?: string
  /** The time it is about (appointment start, payment deadline); default: when the message was written. */
  time?: Date
  /** Where (the hall), for appointment reminders. */
  place?: string
  /** Amount due in fen (分), for payment reminders; without it no subscribe message is sent for paymentDue. */
  amountFen?: number
  /** A reason, reply or hint; default: the message body. */
  note?: string
}

export interface TemplateSource {
  kind: NotificationKind
  title: string
  body: string
  facts?: NotificationFacts
  /** When the message was written; the default time. */
  at: Date
}

type Fact = 'matter' | 'status' | 'time' | 'place' | 'amount' | 'note'
/** keyword (WeChat's type + number) → the fact it shows. */
type Layout = ReadonlyArray<readonly [keyword: string, fact: Fact]>

export const SUBSCRIBE_LAYOUTS: Readonly<Record<NotificationKind, Layout>> = {
  // 预审结果通知: 事项名称 / 预审结果 / 答复时间 / 备注
  prereviewResult: [['thing1', 'matter'], ['phrase2', 'status'], ['time3', 'time'], ['thing4', 'note']],
  // 材料补正提醒: 事项名称 / 补正原因 / 通知时间
  correctionNeeded: [['thing1', 'matter'], ['thing2', 'note'], ['time3', 'time']],
  // 预约办事提醒: 办理事项 / 预约时间 / 办理地点 / 温馨提示
  appointmentReminder: [['thing1', 'matter'], ['time2', 'time'], ['thing3', 'place'], ['thing4', 'note']],
  // 办件进度通知: 事项名称 / 办理状态 / 更新时间 / 备注
  caseStep: [['thing1', 'matter'], ['phrase2', 'status'], ['time3', 'time'], ['thing4', 'note']],
  // 缴费提醒: 缴费事项 / 应缴金额 / 截止时间 / 备注
  paymentDue: [['thing1', 'matter'], ['amount2', 'amount'], ['time3', 'time'], ['thing4', 'note']],
  // 评价回复通知: 事项名称 / 回复内容 / 回复时间
  ratingReply: [['thing1', 'matter'], ['thing2', 'note'], ['time3', 'time']],
  // 投诉建议答复通知: 事项名称 / 答复内容 / 答复时间
  complaintReply: [['thing1', 'matter'], ['thing2', 'note'], ['time3', 'time']],
}

/** Variables an SMS template of the kind may use (Aliyun: each value at most 35 characters). */
export const SMS_VARIABLES: Readonly<Record<NotificationKind, readonly Fact[]>> = {
  prereviewResult: ['matter', 'status', 'note'],
  correctionNeeded: ['matter', 'note'],
  appointmentReminder: ['matter', 'time', 'place'],
  caseStep: ['matter', 'status', 'note'],
  paymentDue: ['matter', 'amount', 'time'],
  ratingReply: ['matter', 'note'],
  complaintReply: ['matter', 'note'],
}
export const SMS_VALUE_MAX = 35

/** A phrase when the message gives none: always valid (≤ 5 Chinese characters). */
const DEFAULT_STATUS: Readonly<Record<NotificationKind, string>> = {
  prereviewResult: '已答复',
  correctionNeeded: '待补正',
  appointmentReminder: '待办理',
  caseStep: '有更新',
  paymentDue: '待缴费',
  ratingReply: '已回复',
  complaintReply: '已答复',
}
const DEFAULT_PLACE = '政务服务大厅'

/** Characters, not UTF-16 units: WeChat and Aliyun count an emoji or a rare Han character once. */
const chars = (s: string) => Array.from(s)
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
const HAN = /\p{Script=Han}/u

/** At most `max` characters; a cut value ends with "…" inside the limit. */
export function truncate(value: string, max: number): string {
  const c = chars(squash(value))
  return c.length <= max ? c.join('') : `${c.slice(0, max - 1).join('')}…`
}

/** WeChat phrase: up to 5 Chinese characters and nothing else; null if none are left. */
export function toPhrase(value: string): string | null {
  const han = chars(value).filter((c) => HAN.test(c))
  return han.length === 0 ? null : han.slice(0, 5).join('')
}

/** 2026年11月22日 16:05 in Asia/Shanghai (no daylight saving, a fixed +8). */
export function formatTime(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3_600_000)
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mm = String(d.getUTCMinutes()).padStart(2, '0')
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`
}

/** ¥12.50 — one currency sign and at most 10 digits before the point; null when not representable. */
export function formatAmount(fen: number | undefined): string | null {
  if (fen === undefined || !Number.isSafeInteger(fen) || fen < 0) return null
  const yuan = Math.floor(fen / 100)
  if (String(yuan).length > 10) return null
  return `¥${yuan}.${String(fen % 100).padStart(2, '0')}`
}

/** Case messages say "办件进度：已受理"; the part after the colon is the status when it is a valid phrase. */
function statusFromTitle(title: string): string | null {
  const tail = title.split(/[:：]/).pop() ?? ''
  return title.includes('：') || title.includes(':') ? (/^\p{Script=Han}{1,5}$/u.test(tail.trim()) ? tail.trim() : null) : null
}

/** The raw text of one fact, with the message's fallbacks; null when there is nothing to show. */
function factValue(src: TemplateSource, fact: Fact): string | null {
  const f = src.facts ?? {}
  const text = (s: string | undefined) => (s !== undefined && squash(s) !== '' ? squash(s) : null)
  switch (fact) {
    case 'matter':
      return text(f.matter) ?? text(src.title)
    case 'status':
      return toPhrase(f.status ?? '') ?? statusFromTitle(src.title) ?? DEFAULT_STATUS[src.kind]
    case 'time':
      return formatTime(f.time ?? src.at)
    case 'place':
      return text(f.place) ?? DEFAULT_PLACE
    case 'amount':
      return formatAmount(f.amountFen)
    case 'note':
      return text(f.note) ?? text(src.body) ?? text(src.title)
  }
}

/** Fits a value to the rules of a WeChat keyword type (thing ≤ 20, phrase ≤ 5 Han, …); null if it cannot. */
export function fitKeyword(keyword: string, value: string): string | null {
  const type = keyword.replace(/\d+$/, '')
  switch (type) {
    case 'thing':
      return truncate(value, 20)
    case 'phrase':
      return toPhrase(value)
    case 'name': {
      const v = squash(value)
      return chars(v).some((c) => HAN.test(c)) ? truncate(v, 10) : truncate(v, 20)
    }
    case 'character_string': {
      const v = value.replace(/[^\x21-\x7e]/g, '')
      return v ? v.slice(0, 32) : null
    }
    case 'number': {
      const v = value.replace(/[^\d.]/g, '')
      return v ? v.slice(0, 32) : null
    }
    case 'time':
    case 'date':
    case 'amount':
      return value
    default:
      return truncate(value, 20)
  }
}

export type SubscribeData = Record<string, { value: string }>

/** The subscribe message's data for this kind, or null when a required fact is missing. */
export function buildSubscribeData(src: TemplateSource): SubscribeData | null {
  const data: SubscribeData = {}
  for (const [keyword, fact] of SUBSCRIBE_LAYOUTS[src.kind]) {
    const raw = factValue(src, fact)
    const value = raw === null ? null : fitKeyword(keyword, raw)
    if (value === null || value === '') return null
    data[keyword] = { value }
  }
  return data
}

/** The SMS template variables for this kind, each within Aliyun's length; null when a required fact is missing. */
export function buildSmsParams(src: TemplateSource): Record<string, string> | null {
  const params: Record<string, string> = {}
  for (const fact of SMS_VARIABLES[src.kind]) {
    const raw = factValue(src, fact)
    if (raw === null) return null
    params[fact] = truncate(raw, SMS_VALUE_MAX)
  }
  return params
}

/** The mini-program page a subscribe message opens: the case itself, else the message centre. */
export function subscribePage(subject: { kind: NotificationSubjectKind; id: string } | null, notificationId: string): string {
  if (subject?.kind === 'case') return `packages/cases/pages/detail/index?id=${encodeURIComponent(subject.id)}`
  return `packages/cases/pages/messages/index?id=${encodeURIComponent(notificationId)}`
}

/** What the citizen is asked to allow, shown beside the template id. */
export const kindTitle = (kind: NotificationKind) => NOTIFICATION_KINDS[kind]
