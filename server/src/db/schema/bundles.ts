import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import type { Audience } from '../../../../types/enums'
import { createdAt, id } from './columns'
import { matters } from './matters'

/** A 一件事 bundle: one application for several services of several departments. */
export const bundles = pgTable('bundles', {
  id: id(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  audience: text('audience').$type<Audience>().notNull(),
  createdAt: createdAt(),
})
export type BundleRow = typeof bundles.$inferSelect

export const bundleMembers = pgTable(
  'bundle_members',
  {
    bundleId: uuid('bundle_id').notNull().references(() => bundles.id, { onDelete: 'cascade' }),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    position: integer('position').notNull(),
    /** Names of this member's materials not asked for in the bundle: another member produces them. */
    omitMaterials: jsonb('omit_materials').$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.bundleId, t.matterId] }), index('bundle_members_matter').on(t.matterId)],
)
