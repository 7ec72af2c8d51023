/**
 * Seeds the demo city's weekly appointment slots. Idempotent and respectful
 * of edits: a matter that already has any slot template (seeded or made by an
 * admin) is left alone.
 */
import { inArray } from 'drizzle-orm'
import type { Tx } from '../client'
import { appointmentSlotTemplates, matters } from '../schema'
import type { DemoCity } from '../../../../mock/seed/types'

export async function seedAppointmentSlots(tx: Tx, city: DemoCity): Promise<number> {
  const plans = city.appointmentSlots ?? []
  if (plans.length === 0) return 0
  const rows = await tx
    .select({ id: matters.id, key: matters.key, hallId: matters.hallId })
    .from(matters)
    .where(inArray(matters.key, plans.map((p) => p.matterKey)))
  const byKey = new Map(rows.map((r) => [r.key, r]))
  const withTemplates = new Set(
    (
      await tx
        .selectDistinct({ matterId: appointmentSlotTemplates.matterId })
        .from(appointmentSlotTemplates)
        .where(inArray(appointmentSlotTemplates.matterId, rows.map((r) => r.id)))
    ).map((r) => r.matterId),
  )
  const values = plans.flatMap((p) => {
    const m = byKey.get(p.matterKey)
    if (!m || withTemplates.has(m.id)) return []
    return p.weekdays.flatMap((weekday) =>
      p.startTimes.map((startTime) => ({ hallId: m.hallId, matterId: m.id, weekday, startTime, lengthMinutes: p.lengthMinutes, capacity: p.capacity })),
    )
  })
  if (values.length > 0) await tx.insert(appointmentSlotTemplates).values(values)
  return values.length
}
