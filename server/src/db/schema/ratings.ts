import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { BadRatingStatus, RatingChannel, RatingDimension, RatingLevel, RatingTargetKind } from '../../../../types/enums'
import type { RatingTag } from '../../../../types/ratingTags'
import type { RatingScores } from '../../../../types/ratings'
import { appointments } from './appointments'
import { cases } from './cases'
import { citizens } from './citizens'
import { createdAt, id } from './columns'
import { departments } from './departments'
import { matters } from './matters'
import { staff } from './staff'

/**
 * A rating (好差评) of a case (一事一评) or a hall visit = a checked-in
 * appointment (一次一评). `round` 1 is the rating; round 2 the one more allowed
 * after a 差评 was rectified. The partial unique indexes `ratings_case_round`
 * and `ratings_visit_round` make "one per target and round" hold under any
 * concurrency, and let the system-default job insert with ON CONFLICT DO
 * NOTHING. Levels are stored by name, never by an external code.
 *
 * A 差评 (bad_status not null) carries its rectification loop in columns:
 * due time (working days, RATING_RECTIFY_DAYS), verification, rectification
 * with the reply the citizen reads. `excluded` = an appeal was upheld: the
 * rating is left out of every statistic.
 */
export const ratings = pgTable(
  'ratings',
  {
    id: id(),
    targetKind: text('target_kind').$type<RatingTargetKind>().notNull(),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    appointmentId: uuid('appointment_id').references(() => appointments.id, { onDelete: 'cascade' }),
    /** The signed-in rater; null for anonymous (receipt) and system-default ratings. */
    citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    departmentId: uuid('department_id').notNull().references(() => departments.id),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    /** The window served: the (case's) appointment's called window, else the matter's first window number. */
    windowNumber: text('window_number'),
    dimension: text('dimension').$type<RatingDimension>().notNull(),
    round: integer('round').notNull().default(1),
    previousRatingId: uuid('previous_rating_id'),
    level: text('level').$type<RatingLevel>().notNull(),
    channel: text('channel').$type<RatingChannel>().notNull(),
    scores: jsonb('scores').$type<RatingScores>(),
    tags: jsonb('tags').$type<RatingTag[]>().notNull().default([]),
    text: text('text').notNull().default(''),
    /** When the rated service ended (case finished / visit checked in), for the trend and the 7-day default. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    // ---- 差评 loop (null for good ratings) ----
    badStatus: text('bad_status').$type<BadRatingStatus>(),
    rectifyDueAt: timestamp('rectify_due_at', { withTimezone: true }),
    rectifyDueUnpublished: boolean('rectify_due_unpublished').notNull().default(false),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => staff.id),
    verifyNote: text('verify_note'),
    rectifiedAt: timestamp('rectified_at', { withTimezone: true }),
    rectifiedBy: uuid('rectified_by').references(() => staff.id),
    rectifyMeasures: text('rectify_measures'),
    replyText: text('reply_text'),
    rectifiedOnTime: boolean('rectified_on_time'),
    excluded: boolean('excluded').notNull().default(false),
  },
  (t) => [
    check('ratings_target', sql`(${t.targetKind} = 'case' AND ${t.caseId} IS NOT NULL) OR (${t.targetKind} = 'visit' AND ${t.appointmentId} IS NOT NULL)`),
    check('ratings_round', sql`${t.round} IN (1, 2)`),
    check(
      'ratings_level',
      sql`${t.level} IN ('verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied')`,
    ),
    check('ratings_bad_status', sql`${t.badStatus} IS NULL OR ${t.badStatus} IN ('pending', 'verified', 'rectified', 'excluded')`),
    uniqueIndex('ratings_case_round').on(t.caseId, t.round).where(sql`${t.targetKind} = 'case'`),
    uniqueIndex('ratings_visit_round').on(t.appointmentId, t.round).where(sql`${t.targetKind} = 'visit'`),
    index('ratings_citizen').on(t.citizenId, t.createdAt),
    index('ratings_department').on(t.departmentId, t.createdAt),
    index('ratings_bad_queue').on(t.departmentId, t.badStatus, t.rectifyDueAt).where(sql`${t.badStatus} IS NOT NULL`),
  ],
)
export type RatingRow = typeof ratings.$inferSelect
