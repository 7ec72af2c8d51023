import type { MaterialSlot, PrereviewTarget } from '../../../../types/prereviews'
import type { DbOrTx } from '../../db/client'
import { loadTarget } from './prereviewTargets'

/** The material slots of a pre-review's target (see prereviewTargets.ts for how bundles share them). */
export async function materialSlots(db: DbOrTx, target: PrereviewTarget): Promise<MaterialSlot[]> {
  return (await loadTarget(db, target)).slots
}
