import { useStores } from '../../stores/context'
import { ratingOf, type RatingStore } from './RatingStore'

/** The rating store, built on first use: only subpackages import it (rating, cases). */
export function useRating(): RatingStore {
  return ratingOf(useStores())
}
