import { useStores } from '../../stores/context'
import { deliveriesOf, type DeliveryStore } from './DeliveryStore'

/** The admins' delivery list store, built on first use; only this subpackage imports it. */
export function useDeliveries(): DeliveryStore {
  return deliveriesOf(useStores())
}
