import { sql } from 'drizzle-orm'
import type { ComplaintKind } from '../../../../types/complaints'
import type { DbOrTx } from '../../db/client'
import { complaintNumberCounters } from '../../db/schema'

const PREFIX: Record<ComplaintKind, string> = { complaint: 'TS', suggestion: 'JY' }

/** The next complaint number of a Shanghai date: TS (投诉) / JY (建议) + yyyyMMdd + 6 digits, one counter per day. */
export async function nextComplaintNumber(tx: DbOrTx, kind: ComplaintKind, day: string): Promise<string> {
  const [{ last }] = await tx
    .insert(complaintNumberCounters)
    .values({ day, last: 1 })
    .onConflictDoUpdate({ target: complaintNumberCounters.day, set: { last: sql`${complaintNumberCounters.last} + 1` } })
    .returning({ last: complaintNumberCounters.last })
  return `${PREFIX[kind]}${day.replaceAll('-', '')}${String(last).padStart(6, '0')}`
}
