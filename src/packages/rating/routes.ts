/**
 * The rating subpackage's pages. Not in src/routes.ts: only subpackages link
 * here (cases, rating), so these strings stay out of the main package.
 * Receipt credentials never travel in a URL: the anonymous page reads them
 * from the lookup (CaseStore) or from its own form.
 */
const ROOT = '/packages/rating/pages'

export const ratingPages = {
  rateCase: (caseId: string) => `${ROOT}/rate/index?caseId=${encodeURIComponent(caseId)}`,
  rateVisit: (appointmentId: string) => `${ROOT}/rate/index?appointmentId=${encodeURIComponent(appointmentId)}`,
  detail: (ratingId: string) => `${ROOT}/detail/index?id=${encodeURIComponent(ratingId)}`,
  /** By receipt without signing in; `fromLookup` rates the case just looked up on the 进度 tab. */
  anonymous: (fromLookup = false) => `${ROOT}/anonymous/index${fromLookup ? '?from=lookup' : ''}`,
} as const
