/** The staff 好差评 pages (this subpackage only, so the strings stay out of the main package). */
const ROOT = '/packages/staff/pages'

export const staffRatingPages = {
  list: `${ROOT}/bad-ratings/index`,
  detail: (id: string) => `${ROOT}/bad-rating/index?id=${encodeURIComponent(id)}`,
  appeals: `${ROOT}/rating-appeals/index`,
  statistics: `${ROOT}/rating-stats/index`,
} as const
