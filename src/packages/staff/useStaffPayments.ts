import { useStores } from '../../stores/context'
import { staffPaymentsOf, type StaffPaymentStore } from './StaffPaymentStore'

/** The staff fee-order store, built on first use; only this subpackage imports it. */
export function useStaffPayments(): StaffPaymentStore {
  return staffPaymentsOf(useStores())
}
