import { useStores } from '../../stores/context'
import { paymentOf, type PaymentStore } from './PaymentStore'

/** The payment store, built on first use: only subpackages import it (payment, cases). */
export function usePayment(): PaymentStore {
  return paymentOf(useStores())
}
