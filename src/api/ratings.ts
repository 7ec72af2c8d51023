import type {
  AnonymousRatingCheckRequest,
  AnonymousRatingReceipt,
  AnonymousRatingRequest,
  AnonymousRatingTarget,
  CreateRatingRequest,
  RateableList,
  RatingDetail,
  RatingListQuery,
  RatingPage,
} from '../../types/ratings'
import { body, http } from './http'

/** GET /api/ratings/rateable — what the signed-in citizen may rate now (finished cases, re-rates, visits). */
export function listRateable(): Promise<RateableList> {
  return body(http.get<RateableList>('/api/ratings/rateable'))
}

/** POST /api/ratings — one rating per case / visit; 409 when already rated, 400 for a 差评 without a reason. */
export function createRating(request: CreateRatingRequest): Promise<RatingDetail> {
  return body(http.post<RatingDetail>('/api/ratings', request))
}

/** GET /api/ratings — my ratings, newest first. */
export function listRatings(query: RatingListQuery = {}): Promise<RatingPage> {
  return body(http.get<RatingPage>('/api/ratings', { params: query }))
}

/** GET /api/ratings/:id — with the department's reply once a 差评 was rectified, and `canRateAgain`. */
export function getRating(id: string): Promise<RatingDetail> {
  return body(http.get<RatingDetail>(`/api/ratings/${encodeURIComponent(id)}`))
}

/** POST /api/ratings/anonymous/check — what the receipt (number + query password, in the body) lets one rate. */
export function checkAnonymousRating(request: AnonymousRatingCheckRequest): Promise<AnonymousRatingTarget> {
  return body(http.post<AnonymousRatingTarget>('/api/ratings/anonymous/check', request, { skipAuth: true }))
}

/** POST /api/ratings/anonymous — rates by the receipt, without signing in. */
export function createAnonymousRating(request: AnonymousRatingRequest): Promise<AnonymousRatingReceipt> {
  return body(http.post<AnonymousRatingReceipt>('/api/ratings/anonymous', request, { skipAuth: true }))
}

/**
 * The citizen's rating calls as one group. Not part of `api` (index.ts): only
 * the rating (and cases) subpackages use them, and the main package has no room.
 */
export const ratingsApi = {
  rateable: listRateable,
  create: createRating,
  list: listRatings,
  get: getRating,
  checkAnonymous: checkAnonymousRating,
  createAnonymous: createAnonymousRating,
}

export type RatingsApi = typeof ratingsApi
