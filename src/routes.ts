/** Every page path in one place; subpackage pages are reached only through these. */
export const TAB_PAGES = {
  home: '/pages/home/index',
  services: '/pages/services/index',
  progress: '/pages/progress/index',
  me: '/pages/me/index',
} as const

export const routes = {
  guide: (matterId: string) => `/packages/guide/pages/detail/index?id=${encodeURIComponent(matterId)}`,
  login: '/packages/account/pages/login/index',
  realName: '/packages/account/pages/real-name/index',
  /** 设置: 长辈版 (elder mode). */
  settings: '/packages/account/pages/settings/index',
  staffLogin: '/packages/staff/pages/login/index',
  staffHome: '/packages/staff/pages/home/index',
  staffMatter: (matterId: string) => `/packages/staff/pages/matter/index?id=${encodeURIComponent(matterId)}`,
  /** 我的预约; the booking pages themselves are in packages/booking/routes.ts. */
  myBookings: '/packages/booking/pages/mine/index',
} as const

/** Pages of the cases subpackage and the staff case pages. */
export const caseRoutes = {
  detail: (caseId: string) => `/packages/cases/pages/detail/index?id=${encodeURIComponent(caseId)}`,
  messages: '/packages/cases/pages/messages/index',
  lookupResult: '/packages/cases/pages/lookup/index',
  staffQueue: '/packages/staff/pages/queue/index',
  staffCase: (caseId: string) => `/packages/staff/pages/case/index?id=${encodeURIComponent(caseId)}`,
  staffWalkIn: '/packages/staff/pages/walk-in/index',
  staffReceipt: '/packages/staff/pages/receipt/index',
  staffSupervision: '/packages/staff/pages/supervision/index',
} as const

/** The staff pre-review (预审) pages, by department part. */
export const staffPrereviewRoutes = {
  queue: '/packages/staff/pages/prereviews/index',
  part: (partId: string) => `/packages/staff/pages/prereview/index?id=${encodeURIComponent(partId)}`,
} as const

/** The tab pages' links into the prereview subpackage; its own pages: packages/prereview/routes.ts. */
export const prereviewRoutes = {
  mine: '/packages/prereview/pages/list/index',
  bundles: '/packages/prereview/pages/bundles/index',
} as const

/** The complaints (投诉建议) pages, citizen and staff: 我的, case detail and the message centre link here. */
export const complaintRoutes = {
  /** File one; `caseId` links it to a case of mine. */
  new: (options: { caseId?: string } = {}) =>
    `/packages/complaints/pages/new/index${options.caseId ? `?caseId=${encodeURIComponent(options.caseId)}` : ''}`,
  mine: '/packages/complaints/pages/list/index',
  detail: (id: string) => `/packages/complaints/pages/detail/index?id=${encodeURIComponent(id)}`,
  staffQueue: '/packages/staff/pages/complaints/index',
  staffDetail: (id: string) => `/packages/staff/pages/complaint/index?id=${encodeURIComponent(id)}`,
} as const
