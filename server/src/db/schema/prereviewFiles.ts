import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { UploadMimeType } from '../../../../types/enums'
import { id } from './columns'
import { prereviews } from './prereviews'

/**
 * A page of a material of a pre-review. The bytes live in file storage under
 * their SHA-256; the citizen's file name is never stored or used as a path.
 * replaced_at is set when a correction supersedes the page (kept for history).
 */
export const prereviewFiles = pgTable(
  'prereview_files',
  {
    id: id(),
    prereviewId: uuid('prereview_id').notNull().references(() => prereviews.id, { onDelete: 'cascade' }),
    slotKey: uuid('slot_key').notNull(),
    round: integer('round').notNull(),
    position: integer('position').notNull(),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').$type<UploadMimeType>().notNull(),
    bytes: integer('bytes').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
  },
  (t) => [
    index('prereview_files_material').on(t.prereviewId, t.slotKey),
    check('prereview_files_bytes', sql`${t.bytes} > 0`),
  ],
)
export type PrereviewFileRow = typeof prereviewFiles.$inferSelect
