import { useStores } from '../../stores/context'
import { staffBookingOf, type StaffBookingStore } from './StaffBookingStore'

/** The hall's appointment desk and slot settings, built on first use: only this subpackage imports it. */
export function useStaffBooking(): StaffBookingStore {
  return staffBookingOf(useStores())
}
