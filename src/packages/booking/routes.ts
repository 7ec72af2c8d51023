/**
 * The booking subpackage's pages and the staff appointment pages. Not in
 * src/routes.ts: only subpackages link here (guide, booking, staff), so these
 * strings stay out of the main package; 我的 uses `routes.myBookings`.
 */
const ROOT = '/packages/booking/pages'

export const bookingPages = {
  /** Book a service (from a case, or moving an existing booking with `reschedule`). */
  book: (matterId: string, options: { caseId?: string; reschedule?: string } = {}) =>
    `${ROOT}/book/index?matterId=${encodeURIComponent(matterId)}` +
    (options.caseId ? `&caseId=${encodeURIComponent(options.caseId)}` : '') +
    (options.reschedule ? `&reschedule=${encodeURIComponent(options.reschedule)}` : ''),
  mine: `${ROOT}/mine/index`,
  detail: (id: string) => `${ROOT}/detail/index?id=${encodeURIComponent(id)}`,
  staffHallDay: '/packages/staff/pages/hall-day/index',
  staffSlots: '/packages/staff/pages/slots/index',
} as const
