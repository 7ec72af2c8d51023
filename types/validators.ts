/**
 * Pure validators shared by the app (to show errors beside a field before any
 * request) and the server (to refuse bad input). No dependencies, so the app
 * bundle can import them freely.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK_CHARS = '10X98765432'

export type ResidentIdProblem = 'format' | 'region' | 'birthDate' | 'checksum'

/**
 * Checks an 18-digit resident ID number (GB 11643): format, region code,
 * a real birth date not in the future, and the mod-11 check digit.
 * A valid checksum is not identity verification; callers record the level.
 */
export function checkResidentId(raw: string, today: Date = new Date()): ResidentIdProblem | null {
  const id = raw.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return 'format'
  const province = Number(id.slice(0, 2))
  if (province < 11 || province > 91) return 'region'
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  const birth = new Date(Date.UTC(year, month - 1, day))
  if (
    year < 1900 ||
    birth.getUTCFullYear() !== year ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day ||
    birth.getTime() > today.getTime()
  ) {
    return 'birthDate'
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]
  return ID_CHECK_CHARS[sum % 11] === id[17] ? null : 'checksum'
}

export const RESIDENT_ID_MESSAGES: Record<ResidentIdProblem, string> = {
  format: '身份证号应为18位，最后一位可以是数字或X',
  region: '身份证号前两位不是有效的地区代码',
  birthDate: '身份证号中的出生日期无效',
  checksum: '身份证号校验位不正确，请核对后重新输入',
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = '^1[3-9]\\d{9}$'

export function isMobile(raw: string): boolean {
  return new RegExp(MOBILE_PATTERN).test(raw.trim())
}

export const MOBILE_MESSAGE = '请输入11位中国大陆手机号'

export const SMS_CODE_PATTERN = '^\\d{6}$'

/** 138****5678 — for lists and anyone but the owner. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***'
}

/** 1101**********123X: region kept for context, birth date hidden. */
export function maskResidentId(id: string): string {
  return id.length === 18 ? `${id.slice(0, 4)}**********${id.slice(14)}` : '***'
}

/** 张* / 欧阳** — keeps the family name's first character only. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}
