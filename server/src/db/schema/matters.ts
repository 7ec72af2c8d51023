import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import type { Audience, CaseKind, MatterType } from '../../../../types/enums'
import type { Faq, FeeItem, MatterFlags, ProcessStep } from '../../../../types/matters'
import type { FormField } from '../../../../types/prereviews'
import { createdAt, id, updatedAt } from './columns'
import { departments } from './departments'
import { documents } from './documents'
import { halls } from './halls'

/** A matter (事项) and its service guide (办事指南), after GB/T 39046-2020. */
export const matters = pgTable(
  'matters',
  {
    id: id(),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    basicCode: text('basic_code').notNull(),
    implementationCode: text('implementation_code').notNull().unique(),
    type: text('type').$type<MatterType>().notNull(),
    caseKind: text('case_kind').$type<CaseKind>().notNull(),
    departmentId: uuid('department_id').notNull().references(() => departments.id),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    windowNumbers: jsonb('window_numbers').$type<string[]>().notNull(),
    legalLimitDays: integer('legal_limit_days').notNull(),
    promisedLimitDays: integer('promised_limit_days').notNull(),
    legalBasis: text('legal_basis').notNull(),
    conditions: jsonb('conditions').$type<string[]>().notNull(),
    process: jsonb('process').$type<ProcessStep[]>().notNull(),
    feeCharged: boolean('fee_charged').notNull(),
    feeBasis: text('fee_basis').notNull(),
    feeItems: jsonb('fee_items').$type<FeeItem[]>().notNull(),
    consultPhone: text('consult_phone').notNull(),
    supervisionPhone: text('supervision_phone').notNull(),
    faqs: jsonb('faqs').$type<Faq[]>().notNull(),
    flags: jsonb('flags').$type<MatterFlags>().notNull(),
    visitsRequired: integer('visits_required').notNull(),
    audiences: jsonb('audiences').$type<Audience[]>().notNull(),
    topics: jsonb('topics').$type<string[]>().notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    /** The application form of the pre-review, beyond the applicant's real-name identity. */
    formFields: jsonb('form_fields').$type<FormField[]>().notNull().default([]),
    /** Lower-case text the search matches: name, keywords, pinyin initials. */
    searchText: text('search_text').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('matters_department').on(t.departmentId),
    check('matters_limits', sql`${t.promisedLimitDays} >= 0 AND ${t.promisedLimitDays} <= ${t.legalLimitDays}`),
    check('matters_basic_code', sql`char_length(${t.basicCode}) <= 12`),
    check('matters_implementation_code', sql`char_length(${t.implementationCode}) <= 64`),
  ],
)
export type MatterRow = typeof matters.$inferSelect

/** A required or optional material (申请材料) of a matter. */
export const materials = pgTable(
  'materials',
  {
    id: id(),
    matterId: uuid('matter_id').notNull().references(() => matters.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    originals: integer('originals').notNull(),
    copies: integer('copies').notNull(),
    required: boolean('required').notNull(),
    acceptsTolerance: boolean('accepts_tolerance').notNull(),
    notes: text('notes').notNull(),
    templateDocumentId: uuid('template_document_id').references(() => documents.id),
    sampleDocumentId: uuid('sample_document_id').references(() => documents.id),
  },
  (t) => [unique('materials_matter_name').on(t.matterId, t.name)],
)
export type MaterialRow = typeof materials.$inferSelect
