import type {
  ComplaintDetail,
  ComplaintPage,
  CreateComplaintRequest,
  RateComplaintReplyRequest,
} from '../../types/complaints'
import { body, http } from './http'

/** The path photos go up to (multipart, field `file`, through Taro.uploadFile / XMLHttpRequest, not axios). */
export const COMPLAINT_PHOTOS_PATH = '/api/complaints/photos'

/** POST /api/complaints — idempotent by `clientKey`: a retry answers the complaint already made. */
export function createComplaint(request: CreateComplaintRequest): Promise<ComplaintDetail> {
  return body(http.post<ComplaintDetail>('/api/complaints', request))
}

/** GET /api/complaints — mine, newest first. */
export function listComplaints(query: { page?: number; pageSize?: number } = {}): Promise<ComplaintPage> {
  return body(http.get<ComplaintPage>('/api/complaints', { params: query }))
}

/** GET /api/complaints/:id — with the reply, the rating and `canRate`. */
export function getComplaint(id: string): Promise<ComplaintDetail> {
  return body(http.get<ComplaintDetail>(`/api/complaints/${encodeURIComponent(id)}`))
}

/** POST /api/complaints/:id/rating — once, after the reply (409 otherwise). */
export function rateComplaintReply(id: string, request: RateComplaintReplyRequest): Promise<ComplaintDetail> {
  return body(http.post<ComplaintDetail>(`/api/complaints/${encodeURIComponent(id)}/rating`, request))
}

/**
 * The citizen's complaint calls as one group. Not part of `api` (index.ts):
 * only the complaints subpackage uses them, and the main package has no room.
 */
export const complaintsApi = {
  create: createComplaint,
  list: listComplaints,
  get: getComplaint,
  rate: rateComplaintReply,
}

export type ComplaintsApi = typeof complaintsApi
