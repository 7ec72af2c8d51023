/** Calendar days ahead of today for the default 容缺 promise: about ten working days. */
export const DEFAULT_PROMISE_DAYS = 14

/** "YYYY-MM-DD" in China's calendar (UTC+8, no daylight saving), `days` after the day of `now`. */
export function chinaDatePlus(days: number, now = Date.now()): string {
  const shanghai = new Date(now + 8 * 3600_000)
  shanghai.setUTCDate(shanghai.getUTCDate() + days)
  return shanghai.toISOString().slice(0, 10)
}
