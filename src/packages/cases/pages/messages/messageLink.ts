import type { NotificationSubjectKind } from '../../../../../types/enums'
import type { Notification } from '../../../../../types/notifications'
import { caseRoutes, complaintRoutes } from '../../../../routes'
import { bookingPages } from '../../../booking/routes'
import { paymentPages } from '../../../payment/routes'
import { prereviewPages } from '../../../prereview/routes'
import { ratingPages } from '../../../rating/routes'

/**
 * The page each kind of subject opens. A `Record` over the contract's kinds:
 * a new kind without a page does not compile (and messageLink.test.ts fails).
 */
export const SUBJECT_PAGES: Record<NotificationSubjectKind, (id: string) => string> = {
  case: caseRoutes.detail,
  prereview: prereviewPages.detail,
  appointment: bookingPages.detail,
  payment: paymentPages.order,
  rating: ratingPages.detail,
  complaint: complaintRoutes.detail,
}

/** Where tapping a message goes: its subject, else its case, else nowhere (a general notice). */
export function messageLink(message: Pick<Notification, 'subject' | 'caseId'>): string | null {
  const subject = message.subject
  const page = subject ? SUBJECT_PAGES[subject.kind] : undefined
  if (subject && page) return page(subject.id)
  return message.caseId ? caseRoutes.detail(message.caseId) : null
}
