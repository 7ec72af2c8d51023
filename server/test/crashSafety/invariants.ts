/**
 * What must hold in the database and file storage after any crash, whatever
 * was acknowledged: every committed row is whole. Each check answers the rows
 * that break it (empty = holds), so a failure names them.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type pg from 'pg'

export interface Breaches {
  /** Slots whose counter is not the number of active bookings, or above capacity. */
  slotCounters: unknown[]
  /** Pre-reviews past 'draft' without a number, a submission time, parts put up for review or their 'submitted' event. */
  halfSubmitted: unknown[]
  /** Fee orders 'paying' without any payment attempt, or open attempts on an order still 'unpaid'. */
  paymentsApart: unknown[]
  /** Complaints without their number. */
  complaintsWithoutNumber: unknown[]
  /** File rows (pre-review pages, complaint photos, documents) whose bytes are missing, short or other bytes. */
  filesWithoutBytes: unknown[]
  /** Files promoted under a hash name whose content has another hash (a partial write made visible). */
  partialFiles: string[]
}

const active = `status <> 'cancelled'`

export async function findBreaches(pool: pg.Pool, filesRoot: string): Promise<Breaches> {
  const q = async (text: string) => (await pool.query(text)).rows
  const slotCounters = await q(`
    SELECT s.id, s.capacity, s.booked, coalesce(a.n, 0)::int AS bookings
    FROM appointment_slots s
    LEFT JOIN (SELECT slot_id, count(*) AS n FROM appointments WHERE ${active} GROUP BY slot_id) a ON a.slot_id = s.id
    WHERE s.booked <> coalesce(a.n, 0) OR coalesce(a.n, 0) > s.capacity`)
  const halfSubmitted = await q(`
    SELECT p.id, p.status, p.number FROM prereviews p
    WHERE p.status IN ('submitted', 'returned', 'passed', 'refused')
      AND (p.number IS NULL OR p.submitted_at IS NULL OR p.round < 1
        OR NOT EXISTS (SELECT 1 FROM prereview_parts r WHERE r.prereview_id = p.id)
        OR EXISTS (SELECT 1 FROM prereview_parts r WHERE r.prereview_id = p.id AND (r.round < 1 OR r.status = 'waiting'))
        OR NOT EXISTS (SELECT 1 FROM prereview_events e WHERE e.prereview_id = p.id AND e.kind = 'submitted'))`)
  const paymentsApart = await q(`
    SELECT o.id, o.status FROM fee_orders o
    WHERE (o.status = 'paying' AND NOT EXISTS (SELECT 1 FROM payment_attempts a WHERE a.fee_order_id = o.id))
       OR (o.status = 'unpaid' AND EXISTS (SELECT 1 FROM payment_attempts a WHERE a.fee_order_id = o.id AND a.status = 'open'))`)
  const complaintsWithoutNumber = await q(`SELECT id FROM complaints WHERE number IS NULL OR number = ''`)

  const files = [
    ...(await q(`SELECT 'prereview_files' AS source, id, sha256, bytes FROM prereview_files`)),
    ...(await q(`SELECT 'complaint_photos' AS source, id, sha256, bytes FROM complaint_photos`)),
    ...(await q(`SELECT 'documents' AS source, id, sha256, bytes FROM documents`)),
  ]
  const filesWithoutBytes = files.filter((f) => {
    const path = join(filesRoot, f.sha256.slice(0, 2), f.sha256)
    if (!existsSync(path)) return true
    const data = readFileSync(path)
    return (f.bytes !== null && data.length !== f.bytes) || sha256(data) !== f.sha256
  })
  return { slotCounters, halfSubmitted, paymentsApart, complaintsWithoutNumber, filesWithoutBytes, partialFiles: partialFiles(filesRoot) }
}

/** Every file stored under a hash name (staging and temp names aside) must hash to that name. */
export function partialFiles(filesRoot: string): string[] {
  return promotedFiles(filesRoot).filter((p) => sha256(readFileSync(join(filesRoot, p))) !== p.slice(3))
}

/** Relative paths of the files stored under their hash (`ab/ab…`). */
export function promotedFiles(filesRoot: string): string[] {
  if (!existsSync(filesRoot)) return []
  const out: string[] = []
  for (const dir of readdirSync(filesRoot)) {
    if (!/^[0-9a-f]{2}$/.test(dir) || !statSync(join(filesRoot, dir)).isDirectory()) continue
    for (const name of readdirSync(join(filesRoot, dir))) if (/^[0-9a-f]{64}$/.test(name)) out.push(`${dir}/${name}`)
  }
  return out
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

export function assertNoBreaches(breaches: Breaches, assertFn: (ok: boolean, message: string) => void): void {
  for (const [name, rows] of Object.entries(breaches)) {
    assertFn(rows.length === 0, `${name}: ${JSON.stringify(rows).slice(0, 800)}`)
  }
}
