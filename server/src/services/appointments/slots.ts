/**
 * Slots of the booking window: materialised from active templates when first
 * asked for (idempotent: unique per template and day, ON CONFLICT DO NOTHING,
 * so concurrent readers and instances agree), and the hall closures that
 * remove days.
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client'
import { appointmentSlots, appointmentSlotTemplates, hallClosures, type AppointmentSlotRow } from '../../db/schema'
import { isoWeekday } from '../../domain/appointments'
import { shanghaiInstant } from '../../domain/calendar'
import { shanghaiClock } from './views'

/** Closure reason per closed date of a hall between two dates. */
export async function closedDates(db: DbOrTx, hallId: string, from: string, to: string): Promise<Map<string, string>> {
  const rows = await db
    .select()
    .from(hallClosures)
    .where(and(eq(hallClosures.hallId, hallId), lte(hallClosures.fromDate, to), gte(hallClosures.toDate, from)))
    .orderBy(asc(hallClosures.createdAt))
  const out = new Map<string, string>()
  for (const c of rows) {
    for (let d = c.fromDate < from ? from : c.fromDate; d <= c.toDate && d <= to; d = nextDate(d)) if (!out.has(d)) out.set(d, c.reason)
  }
  return out
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

/** Makes sure every active template of the matter has its slot on each open date. */
export async function materialiseSlots(db: DbOrTx, matterId: string, dates: readonly string[], closed: ReadonlyMap<string, string>): Promise<void> {
  const open = dates.filter((d) => !closed.has(d))
  if (open.length === 0) return
  const templates = await db
    .select()
    .from(appointmentSlotTemplates)
    .where(and(eq(appointmentSlotTemplates.matterId, matterId), eq(appointmentSlotTemplates.active, true)))
  if (templates.length === 0) return
  const existing = await db
    .select({ templateId: appointmentSlots.templateId, date: appointmentSlots.date })
    .from(appointmentSlots)
    .where(and(eq(appointmentSlots.matterId, matterId), inArray(appointmentSlots.date, open)))
  const have = new Set(existing.map((e) => `${e.templateId}/${e.date}`))
  const missing = open.flatMap((date) =>
    templates
      .filter((t) => t.weekday === isoWeekday(date) && !have.has(`${t.id}/${date}`))
      .map((t) => {
        const startsAt = shanghaiInstant(date, t.startTime)
        const endsAt = new Date(startsAt.getTime() + t.lengthMinutes * 60_000)
        return {
          templateId: t.id,
          hallId: t.hallId,
          matterId: t.matterId,
          date,
          startTime: t.startTime,
          endTime: shanghaiClock(endsAt),
          startsAt,
          endsAt,
          capacity: t.capacity,
        }
      }),
  )
  if (missing.length > 0) await db.insert(appointmentSlots).values(missing).onConflictDoNothing()
}

/** Open slots of a matter on the given dates, by start. */
export async function openSlots(db: DbOrTx, matterId: string, dates: readonly string[]): Promise<AppointmentSlotRow[]> {
  if (dates.length === 0) return []
  return db
    .select()
    .from(appointmentSlots)
    .where(and(eq(appointmentSlots.matterId, matterId), inArray(appointmentSlots.date, [...dates]), eq(appointmentSlots.open, true)))
    .orderBy(asc(appointmentSlots.startsAt), asc(appointmentSlots.id))
}

export const remainingOf = (s: Pick<AppointmentSlotRow, 'capacity' | 'booked'>) => Math.max(0, s.capacity - s.booked)

/** The SQLSTATE and constraint of a database error, also when Drizzle wraps the driver's error. */
export function pgError(error: unknown): { code: string; constraint?: string } | null {
  for (let e = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined }
  }
  return null
}
