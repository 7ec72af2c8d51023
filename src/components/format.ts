/** Display rules shared by screens. Plain functions, tested in format.test.ts. */

/** 12345 fen → "¥123.45". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** 到现场次数 as citizens read it. */
export function visitsLabel(visits: number): string {
  return visits === 0 ? '零跑腿' : `跑${visits}次`
}

/** 0 working days is an on-the-spot matter. */
export function limitLabel(days: number): string {
  return days === 0 ? '即时办结' : `${days}个工作日`
}

/** "2025-03-01T08:00:00Z" → "2025-03-01" in the reader's calendar (China). */
export function formatDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const shanghai = new Date(date.getTime() + 8 * 3600_000)
  return shanghai.toISOString().slice(0, 10)
}

/** "2025-03-01T06:05:00Z" → "2025-03-01 14:05" in China's time (UTC+8, no daylight saving since 1991). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const shanghai = new Date(date.getTime() + 8 * 3600_000).toISOString()
  return `${shanghai.slice(0, 10)} ${shanghai.slice(11, 16)}`
}
