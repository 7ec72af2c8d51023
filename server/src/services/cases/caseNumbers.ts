import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client'
import { caseNumberCounters } from '../../db/schema'

/** The next case number of a Shanghai date: YM + yyyyMMdd + 6 digits, from a per-day counter row. */
export async function nextCaseNumber(tx: DbOrTx, day: string): Promise<string> {
  const [{ last }] = await tx
    .insert(caseNumberCounters)
    .values({ day, last: 1 })
    .onConflictDoUpdate({ target: caseNumberCounters.day, set: { last: sql`${caseNumberCounters.last} + 1` } })
    .returning({ last: caseNumberCounters.last })
  return `YM${day.replaceAll('-', '')}${String(last).padStart(6, '0')}`
}
