import type { BundleList, BundleSummary } from '../../types/bundles'
import { body, http } from './http'

/** GET /api/bundles — the 一件事 catalog (public). */
export function listBundles(): Promise<BundleList> {
  return body(http.get<BundleList>('/api/bundles', { skipAuth: true }))
}

/** GET /api/bundles/:id */
export function getBundle(id: string): Promise<BundleSummary> {
  return body(http.get<BundleSummary>(`/api/bundles/${encodeURIComponent(id)}`, { skipAuth: true }))
}

/** The bundle calls as one group; like api/prereviews.ts, not part of `api` (main-package budget). */
export const bundlesApi = { list: listBundles, get: getBundle }

export type BundlesApi = typeof bundlesApi
