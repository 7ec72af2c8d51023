import { prereviewsApi, type PrereviewsApi } from '../../api/prereviews'
import type { RootStore } from '../../stores/RootStore'
import { taroStorage } from '../../stores/storage'
import { PrereviewStore, type PrereviewDeps } from './PrereviewStore'

/**
 * The pre-review store of this RootStore, built on first use by this
 * subpackage only, so its code ships here (see RootStore.feature). Tests pass
 * a fake `client` and their own `deps`; the pages pass the upload queue too
 * (usePrereviews.ts).
 */
export function prereviewOf(
  root: RootStore,
  client: PrereviewsApi = prereviewsApi,
  deps: PrereviewDeps = { storage: taroStorage, citizenId: () => root.session.citizen?.id ?? null },
): PrereviewStore {
  return root.feature('prereviews', () => new PrereviewStore(client, deps))
}
