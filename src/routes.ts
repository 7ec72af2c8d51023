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
  staffLogin: '/packages/staff/pages/login/index',
  staffHome: '/packages/staff/pages/home/index',
  staffMatter: (matterId: string) => `/packages/staff/pages/matter/index?id=${encodeURIComponent(matterId)}`,
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
