/**
 * Fixed-window counters in the shared database: every API instance counts in
 * the same rows, so a limit holds however many instances run behind the
 * proxy. One statement per limited request: an atomic
 * `INSERT … ON CONFLICT DO UPDATE SET count = count + 1 RETURNING count`
 * over all the rules that apply (per client and per target at once).
 * Windows are aligned on the database clock, so instances agree on them.
 */
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { rateLimited } from './rateLimited'

export interface LimitRule {
  /** Stable name; part of the hashed key, so renaming a rule starts its counts afresh. */
  name: string
  limit: number
  windowSeconds: number
  /** What the citizen is told was limited, e.g. "上传过于频繁". */
  refusal: string
}

/** One rule applied to one subject (a client key, a phone, a citizen id, a fee order id). */
export interface LimitHit {
  rule: LimitRule
  subject: string
}

/** Counter keys never hold the subject itself (an address, a phone number): only a hash of rule and subject. */
export const counterKeyOf = (rule: LimitRule, subject: string) => createHash('sha256').update(`${rule.name}:${subject}`).digest('hex')

type CountRow = { key: string; count: number; retry_after: number | string }

export class RateLimiter {
  constructor(private readonly db: Db) {}

  /**
   * Counts this request against every hit; throws a RateLimited (429 with
   * Retry-After) naming the rule with the longest wait when any is over its
   * limit. Refused requests count too: a window ends on time regardless.
   */
  async take(hits: LimitHit[]): Promise<void> {
    if (hits.length === 0) return
    const keyed = hits.map((h) => ({ ...h, key: counterKeyOf(h.rule, h.subject) })).sort((a, b) => (a.key < b.key ? -1 : 1))
    // Sorted keys: concurrent requests lock rows in the same order, so they cannot deadlock.
    const rows = sql.join(
      keyed.map(
        (h) =>
          sql`(${h.key}, to_timestamp(floor(extract(epoch from now())::float8 / ${h.rule.windowSeconds}::int) * ${h.rule.windowSeconds}::int), 1)`,
      ),
      sql`, `,
    )
    const result = await this.db.execute<CountRow>(sql`
      INSERT INTO rate_limit_counters AS c (key, window_start, count) VALUES ${rows}
      ON CONFLICT (key, window_start) DO UPDATE SET count = c.count + 1
      RETURNING c.key, c.count, extract(epoch from c.window_start - now())::float8 AS retry_after`)
    let refused: { rule: LimitRule; wait: number } | null = null
    for (const row of result.rows) {
      const hit = keyed.find((h) => h.key === row.key)!
      if (row.count <= hit.rule.limit) continue
      const wait = Number(row.retry_after) + hit.rule.windowSeconds
      if (!refused || wait > refused.wait) refused = { rule: hit.rule, wait }
    }
    if (refused) throw rateLimited(refused.rule.refusal, refused.wait)
  }
}
