import { useStores } from '../../stores/context'
import { complaintsOf, type ComplaintStore } from './ComplaintStore'

/** The complaint store, built on first use; only this subpackage imports it. */
export function useComplaints(): ComplaintStore {
  return complaintsOf(useStores())
}
