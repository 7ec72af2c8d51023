/**
 * Asia/Shanghai wall-clock conversions, independent of the process TZ.
 *
 * China Standard Time is a fixed UTC+08:00 with no daylight saving time since
 * 1991, so a fixed offset is exact for every date this product handles (the
 * tests cross-check it against Intl's Asia/Shanghai zone). Never use
 * Date#getDate/getHours/setHours here: they read the server's time zone.
 */
import { assertDate } from './dates'

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes since midnight of 'HH:mm' (00:00–23:59); throws RangeError otherwise. */
export function parseHHmm(time: string): number {
  const m = TIME_RE.exec(time)
  if (!m) throw new RangeError(`not a time 'HH:mm': ${JSON.stringify(time)}`)
  return Number(m[1]) * 60 + Number(m[2])
}

function assertInstant(instant: Date): number {
  const t = instant instanceof Date ? instant.getTime() : NaN
  if (Number.isNaN(t)) throw new RangeError('not a valid Date')
  return t
}

/** The Shanghai calendar date ('YYYY-MM-DD') of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(assertInstant(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** Milliseconds since Shanghai midnight of the instant's Shanghai date. */
export function shanghaiMsOfDay(instant: Date): number {
  const local = assertInstant(instant) + SHANGHAI_OFFSET_MS
  return ((local % 86_400_000) + 86_400_000) % 86_400_000
}

/** The instant of Shanghai midnight plus `minutes` on `date` (minutes may reach 1440 = next midnight). */
export function shanghaiMinuteInstant(date: string, minutes: number): Date {
  assertDate(date)
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS + minutes * 60_000)
}

/** The instant of wall-clock `time` ('HH:mm') on `date` in Shanghai. */
export function shanghaiInstant(date: string, time: string): Date {
  return shanghaiMinuteInstant(date, parseHHmm(time))
}
