import { integer, pgTable, text, unique } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'

/**
 * A public document (blank form template or filled sample). The bytes live in
 * file storage under their SHA-256; this row names them.
 */
export const documents = pgTable('documents', {
  id: id(),
  sha256: text('sha256').notNull(),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  bytes: integer('bytes').notNull(),
  createdAt: createdAt(),
}, (t) => [unique('documents_sha_name').on(t.sha256, t.fileName)])
export type DocumentRow = typeof documents.$inferSelect
