import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import type { DeliveryMode, PrereviewStatus } from '../../../../types/enums'
import { bundles } from './bundles'
import { citizens } from './citizens'
import { createdAt, id, updatedAt } from './columns'
import { matters } from './matters'

/**
 * A pre-review (预审) of one service or of a 一件事 bundle. applicant_* are
 * copied from the citizen's real-name profile on submission (personal data:
 * never logged, masked in lists). client_key makes creation idempotent.
 */
export const prereviews = pgTable(
  'prereviews',
  {
    id: id(),
    citizenId: uuid('citizen_id').notNull().references(() => citizens.id),
    clientKey: uuid('client_key').notNull(),
    matterId: uuid('matter_id').references(() => matters.id),
    bundleId: uuid('bundle_id').references(() => bundles.id),
    number: text('number').unique(),
    status: text('status').$type<PrereviewStatus>().notNull(),
    /** 0 while a draft; 1 on first submission; +1 per correction. */
    round: integer('round').notNull().default(0),
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    deliveryMode: text('delivery_mode').$type<DeliveryMode>(),
    deliveryAddress: text('delivery_address'),
    applicantName: text('applicant_name'),
    applicantIdNumber: text('applicant_id_number'),
    applicantPhone: text('applicant_phone'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('prereviews_client_key').on(t.citizenId, t.clientKey),
    index('prereviews_citizen').on(t.citizenId, t.updatedAt),
    check('prereviews_target', sql`(${t.matterId} IS NULL) <> (${t.bundleId} IS NULL)`),
    check('prereviews_status', sql`${t.status} IN ('draft', 'submitted', 'returned', 'passed', 'refused', 'withdrawn')`),
  ],
)
export type PrereviewRow = typeof prereviews.$inferSelect

/** Daily counter behind pre-review numbers YS + yyyyMMdd + 6 digits. */
export const prereviewNumberCounters = pgTable('prereview_number_counters', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
})
