import type {
  AppealBadRatingRequest,
  AppealDecisionRequest,
  RatingStatistics,
  RatingStatisticsQuery,
  RectifyBadRatingRequest,
  StaffBadRatingDetail,
  StaffBadRatingListQuery,
  StaffBadRatingPage,
  VerifyBadRatingRequest,
} from '../../types/ratings'
import { body, http } from './http'

const path = (id: string) => `/api/staff/ratings/${encodeURIComponent(id)}`

/** GET /api/staff/ratings — the department's 差评, most urgent first (server order). */
export function listBadRatings(query: StaffBadRatingListQuery = {}): Promise<StaffBadRatingPage> {
  return body(http.get<StaffBadRatingPage>('/api/staff/ratings', { params: query }))
}

/** GET /api/staff/ratings/:id — `allowedActions` says which buttons to offer. */
export function getBadRating(id: string): Promise<StaffBadRatingDetail> {
  return body(http.get<StaffBadRatingDetail>(path(id)))
}

/** POST /api/staff/ratings/:id/verify — 核实 (pending → verified). */
export function verifyBadRating(id: string, request: VerifyBadRatingRequest): Promise<StaffBadRatingDetail> {
  return body(http.post<StaffBadRatingDetail>(`${path(id)}/verify`, request))
}

/** POST /api/staff/ratings/:id/rectify — 整改并回复; the reply reaches the citizen, who may rate again. */
export function rectifyBadRating(id: string, request: RectifyBadRatingRequest): Promise<StaffBadRatingDetail> {
  return body(http.post<StaffBadRatingDetail>(`${path(id)}/rectify`, request))
}

/** POST /api/staff/ratings/:id/appeal — 申诉 a malicious rating, with evidence. */
export function appealBadRating(id: string, request: AppealBadRatingRequest): Promise<StaffBadRatingDetail> {
  return body(http.post<StaffBadRatingDetail>(`${path(id)}/appeal`, request))
}

/** POST /api/staff/ratings/:id/appeal/decision — an admin decides an appeal. */
export function decideRatingAppeal(id: string, request: AppealDecisionRequest): Promise<StaffBadRatingDetail> {
  return body(http.post<StaffBadRatingDetail>(`${path(id)}/appeal/decision`, request))
}

/** GET /api/staff/ratings/statistics — a lead's (or admin's) figures for the charts. */
export function getRatingStatistics(query: RatingStatisticsQuery = {}): Promise<RatingStatistics> {
  return body(http.get<RatingStatistics>('/api/staff/ratings/statistics', { params: query }))
}

/** The staff rating calls; not on `Api` (only the staff subpackage uses them). */
export const staffRatingsApi = {
  list: listBadRatings,
  get: getBadRating,
  verify: verifyBadRating,
  rectify: rectifyBadRating,
  appeal: appealBadRating,
  decideAppeal: decideRatingAppeal,
  statistics: getRatingStatistics,
}

export type StaffRatingsApi = typeof staffRatingsApi
