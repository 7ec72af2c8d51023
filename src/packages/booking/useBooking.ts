import { useStores } from '../../stores/context'
import { bookingOf, type BookingStore } from './BookingStore'

/** The booking journey's store, built on first use: only this subpackage imports it. */
export function useBooking(): BookingStore {
  return bookingOf(useStores())
}
