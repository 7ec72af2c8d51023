import { asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client'
import { bundleMembers, materials } from '../../db/schema'

/**
 * The material slot keys of a pre-review's target: the materials of its
 * service, or for a bundle the first member material of each name in bundle
 * order (a material several services ask for is asked once).
 *
 * Interim: switch to the lead's materialSlots() (services/prereviews/materialSlots.ts)
 * once it exists, so both agree on one definition.
 */
export async function materialSlotKeys(db: DbOrTx, target: { matterId: string } | { bundleId: string }): Promise<string[]> {
  if ('matterId' in target) {
    const rows = await db.select({ id: materials.id }).from(materials).where(eq(materials.matterId, target.matterId))
    return rows.map((r) => r.id)
  }
  const rows = await db
    .select({ id: materials.id, name: materials.name })
    .from(bundleMembers)
    .innerJoin(materials, eq(materials.matterId, bundleMembers.matterId))
    .where(eq(bundleMembers.bundleId, target.bundleId))
    .orderBy(asc(bundleMembers.position), asc(materials.position))
  const seen = new Set<string>()
  const keys: string[] = []
  for (const r of rows) {
    if (seen.has(r.name)) continue
    seen.add(r.name)
    keys.push(r.id)
  }
  return keys
}
