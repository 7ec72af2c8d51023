import type {
  CreatePrereviewRequest,
  PrereviewDetail,
  PrereviewDraftPatch,
  PrereviewForm,
  PrereviewFormQuery,
  PrereviewListQuery,
  PrereviewPage,
  SubmitPrereviewRequest,
} from '../../types/prereviews'
import type { SubscriptionTemplate, SubscriptionTemplateList } from '../../types/notifications'
import { apiUrl } from '../env'
import { listBundles } from './bundles'
import { body, http } from './http'

const path = (id: string) => `/api/prereviews/${encodeURIComponent(id)}`

/** GET /api/prereviews/form — what to fill and attach for a service or a bundle (public). */
export function getPrereviewForm(query: PrereviewFormQuery): Promise<PrereviewForm> {
  return body(http.get<PrereviewForm>('/api/prereviews/form', { params: query, skipAuth: true }))
}

/** POST /api/prereviews — the draft; the same clientKey answers the same draft (200 instead of 201). */
export function createPrereview(request: CreatePrereviewRequest): Promise<PrereviewDetail> {
  return body(http.post<PrereviewDetail>('/api/prereviews', request))
}

/** GET /api/prereviews — 我的预审. */
export function listPrereviews(query: PrereviewListQuery = {}): Promise<PrereviewPage> {
  return body(http.get<PrereviewPage>('/api/prereviews', { params: query }))
}

/** GET /api/prereviews/:id */
export function getPrereview(id: string): Promise<PrereviewDetail> {
  return body(http.get<PrereviewDetail>(path(id)))
}

/** PATCH /api/prereviews/:id — the draft's fields and delivery (or the form during 补正). */
export function patchPrereview(id: string, patch: PrereviewDraftPatch): Promise<PrereviewDetail> {
  return body(http.patch<PrereviewDetail>(path(id), patch))
}

/** DELETE /api/prereviews/:id — drafts only. */
export function deletePrereview(id: string): Promise<void> {
  return body(http.delete<void>(path(id)))
}

/** DELETE /api/prereviews/:id/files/:fileId — a page not yet submitted. */
export function deletePrereviewFile(id: string, fileId: string): Promise<void> {
  return body(http.delete<void>(`${path(id)}/files/${encodeURIComponent(fileId)}`))
}

/** POST /api/prereviews/:id/submit — first submission and resubmission after 补正; repeating it answers the same. */
export function submitPrereview(id: string, request: SubmitPrereviewRequest): Promise<PrereviewDetail> {
  return body(http.post<PrereviewDetail>(`${path(id)}/submit`, request))
}

/** POST /api/prereviews/:id/withdraw */
export function withdrawPrereview(id: string, reason: string): Promise<PrereviewDetail> {
  return body(http.post<PrereviewDetail>(`${path(id)}/withdraw`, { reason }))
}

/** GET /api/subscriptions/templates — asked for in the submit tap (weapp). Public. */
export function listSubscriptionTemplates(): Promise<SubscriptionTemplate[]> {
  return body(http.get<SubscriptionTemplateList>('/api/subscriptions/templates', { skipAuth: true })).then(
    (answer) => answer.templates,
  )
}

/**
 * Absolute URL of POST /api/prereviews/:id/materials/:slotKey/files. Files go
 * up through `Taro.uploadFile` (multipart, field "file"), not through axios.
 */
export function materialUploadUrl(id: string, slotKey: string): string {
  return apiUrl(`${path(id)}/materials/${encodeURIComponent(slotKey)}/files`)
}

/** A signed file URL from a detail (relative to the API base) as an <Image src>. */
export function signedFileUrl(url: string): string {
  return apiUrl(url)
}

/**
 * The citizen pre-review calls as one group. Not part of `api` (index.ts):
 * only the prereview subpackage uses them, and the main package has no room.
 */
export const prereviewsApi = {
  form: getPrereviewForm,
  create: createPrereview,
  list: listPrereviews,
  get: getPrereview,
  patch: patchPrereview,
  remove: deletePrereview,
  removeFile: deletePrereviewFile,
  submit: submitPrereview,
  withdraw: withdrawPrereview,
  subscriptionTemplates: listSubscriptionTemplates,
  bundles: listBundles,
}

export type PrereviewsApi = typeof prereviewsApi
