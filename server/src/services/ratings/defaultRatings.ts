/**
 * System default ratings (系统默认好评): a case completed (办结) more than 7
 * natural days ago and not rated gets 基本满意 with channel systemDefault.
 *
 * One statement, INSERT … SELECT … ON CONFLICT DO NOTHING against the unique
 * index ratings_case_round: running it twice, on two instances at once, or
 * racing a citizen who rates at that moment never gives a case two first
 * ratings. Nothing is kept in memory, so a restart loses nothing: the next run
 * finds whatever is still unrated.
 */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client'
import { DEFAULT_RATING_AFTER_DAYS, RATEABLE_CASE_STATUSES } from '../../domain/ratings/rules'

/** Returns how many cases it rated. */
export async function applyDefaultRatings(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DEFAULT_RATING_AFTER_DAYS * 86_400_000)
  const statuses = sql.join(RATEABLE_CASE_STATUSES.map((s) => sql`${s}`), sql`, `)
  const result = await db.execute(sql`
    INSERT INTO ratings (target_kind, case_id, department_id, matter_id, window_number, dimension, round,
                         level, channel, tags, text, completed_at, created_at)
    SELECT 'case', c.id, c.department_id, c.matter_id, coalesce((SELECT a.called_window FROM appointments a WHERE a.case_id = c.id AND a.called_window IS NOT NULL
                     ORDER BY a.checked_in_at DESC NULLS LAST LIMIT 1), m.window_numbers ->> 0),
           CASE WHEN EXISTS (SELECT 1 FROM prereview_parts pp WHERE pp.case_id = c.id) THEN 'online' ELSE 'inPerson' END,
           1, 'basicallySatisfied', 'systemDefault', '[]'::jsonb, '', c.finished_at, ${now}
    FROM cases c JOIN matters m ON m.id = c.matter_id
    WHERE c.status IN (${statuses}) AND c.finished_at IS NOT NULL AND c.finished_at <= ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.target_kind = 'case' AND r.case_id = c.id)
    ON CONFLICT (case_id, round) WHERE target_kind = 'case' DO NOTHING`)
  return result.rowCount ?? 0
}
