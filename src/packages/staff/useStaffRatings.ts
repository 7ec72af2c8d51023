import { useStores } from '../../stores/context'
import { staffRatingsOf, type StaffRatingStore } from './StaffRatingStore'

/** The staff 差评 / statistics store, built on first use; only this subpackage imports it. */
export function useStaffRatings(): StaffRatingStore {
  return staffRatingsOf(useStores())
}
