import { useStores } from '../../stores/context'
import { staffPrereviewsOf, type StaffPrereviewStore } from './StaffPrereviewStore'

/** The staff pre-review store, built on first use; only this subpackage imports it. */
export function useStaffPrereviews(): StaffPrereviewStore {
  return staffPrereviewsOf(useStores())
}
