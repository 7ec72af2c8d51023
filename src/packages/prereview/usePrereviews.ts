import { useStores } from '../../stores/context'
import { prereviewsApi } from '../../api/prereviews'
import { taroStorage } from '../../stores/storage'
import { materialUploads } from './materialUploads'
import { prereviewOf } from './prereviewOf'
import type { PrereviewStore } from './PrereviewStore'

/** The pre-review journey's store, built on first use with the real API, device storage and upload queue. */
export function usePrereviews(): PrereviewStore {
  const root = useStores()
  return prereviewOf(root, prereviewsApi, {
    storage: taroStorage,
    citizenId: () => root.session.citizen?.id ?? null,
    uploads: materialUploads(() => root.session.token),
  })
}
