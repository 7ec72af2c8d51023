/** Calendar dates of the hall, in China's time (UTC+8, no daylight saving) whatever the device's zone. */

/** Today's date in China, or a whole number of days from it. */
export function shanghaiDate(now: Date, addDays = 0): string {
  return new Date(now.getTime() + 8 * 3600_000 + addDays * 86_400_000).toISOString().slice(0, 10)
}

/** 'YYYY-MM-DD' moved by whole days. */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}
