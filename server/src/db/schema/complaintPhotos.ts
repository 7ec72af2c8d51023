import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { UploadMimeType } from '../../../../types/enums'
import { citizens } from './citizens'
import { complaints } from './complaints'
import { id } from './columns'

/**
 * A photo a citizen uploaded for a complaint. Staged (complaint_id null) until
 * POST /api/complaints attaches it; unattached ones are swept after a day.
 * Bytes live in file storage under their SHA-256; names are never stored.
 */
export const complaintPhotos = pgTable(
  'complaint_photos',
  {
    id: id(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    complaintId: uuid('complaint_id').references(() => complaints.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').$type<UploadMimeType>().notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('complaint_photos_complaint').on(t.complaintId, t.position),
    index('complaint_photos_unattached').on(t.createdAt).where(sql`${t.complaintId} IS NULL`),
    check('complaint_photos_bytes', sql`${t.bytes} > 0`),
  ],
)
export type ComplaintPhotoRow = typeof complaintPhotos.$inferSelect
