import type { PrereviewTarget } from '../../../types/prereviews'

const ROOT = '/packages/prereview/pages'

/**
 * The pages of this subpackage (the guide links to `apply` too: a module two
 * subpackages share is copied into both, not into the main package).
 */
export const prereviewPages = {
  list: `${ROOT}/list/index`,
  bundles: `${ROOT}/bundles/index`,
  apply: (target: PrereviewTarget, id?: string) =>
    `${ROOT}/apply/index?${target.kind === 'matter' ? `matterId=${target.matterId}` : `bundleId=${target.bundleId}`}${id ? `&id=${id}` : ''}`,
  /** A draft from 我的预审 (the apply page learns its service or bundle from the server). */
  draft: (id: string) => `${ROOT}/apply/index?id=${encodeURIComponent(id)}`,
  detail: (id: string) => `${ROOT}/detail/index?id=${encodeURIComponent(id)}`,
} as const
