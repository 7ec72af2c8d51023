import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { CaseStatus, DeliveryMode } from '../../../../types/enums'
import { citizens } from './citizens'
import { createdAt, id, updatedAt } from './columns'
import { departments } from './departments'
import { matters } from './matters'

/**
 * A case (办件). applicant_* are personal data: never logged, masked in every
 * response. The query password is stored as a salted SHA-256 (see
 * services/cases/queryPassword.ts); guessing is stopped online by
 * lookup_guards and lookup_client_counts.
 */
export const cases = pgTable(
  'cases',
  {
    id: id(),
    number: text('number').notNull().unique(),
    queryPasswordHash: text('query_password_hash').notNull(),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    departmentId: uuid('department_id').notNull().references(() => departments.id),
    citizenId: uuid('citizen_id').references(() => citizens.id),
    applicantName: text('applicant_name').notNull(),
    applicantIdNumber: text('applicant_id_number'),
    applicantPhone: text('applicant_phone').notNull(),
    status: text('status').$type<CaseStatus>().notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    deadlineUnpublished: boolean('deadline_unpublished').notNull().default(false),
    deliveryMode: text('delivery_mode').$type<DeliveryMode>().notNull(),
    deliveryAddress: text('delivery_address'),
    courier: text('courier'),
    trackingNumber: text('tracking_number'),
    /** Set when the case reaches a final status: lights freeze there. */
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** 容缺受理: materials accepted as missing, promised by a date; reminded once, marked when supplied. */
    toleranceMaterials: jsonb('tolerance_materials').$type<string[]>(),
    tolerancePromisedOn: text('tolerance_promised_on'),
    toleranceRemindedAt: timestamp('tolerance_reminded_at', { withTimezone: true }),
    toleranceFulfilledAt: timestamp('tolerance_fulfilled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('cases_number', sql`char_length(${t.number}) <= 50`),
    check('cases_delivery_mode', sql`${t.deliveryMode} IN ('hall', 'mail', 'electronic')`),
    index('cases_queue').on(t.departmentId, t.status, t.dueAt),
    index('cases_citizen').on(t.citizenId, t.createdAt),
    index('cases_unlinked_phone').on(t.applicantPhone).where(sql`${t.citizenId} IS NULL`),
  ],
)
export type CaseRow = typeof cases.$inferSelect

/** Daily counter behind case numbers YM + yyyyMMdd + 6 digits; one row per Shanghai date. */
export const caseNumberCounters = pgTable('case_number_counters', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
})
