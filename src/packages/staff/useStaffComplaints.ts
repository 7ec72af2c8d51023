import { useStores } from '../../stores/context'
import { staffComplaintsOf, type StaffComplaintStore } from './StaffComplaintStore'

/** The staff 投诉建议 store, built on first use; only this subpackage imports it. */
export function useStaffComplaints(): StaffComplaintStore {
  return staffComplaintsOf(useStores())
}
