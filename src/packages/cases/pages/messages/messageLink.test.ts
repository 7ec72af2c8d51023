import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { NOTIFICATION_SUBJECT_KINDS, type NotificationSubjectKind } from '../../../../../types/enums'
import { messageLink } from './messageLink'

/** Every page app.config.ts registers, as `/root/page` paths. */
function registeredPages(): Set<string> {
  const config = readFileSync(join(__dirname, '../../../../app.config.ts'), 'utf8')
  const pages = new Set<string>()
  for (const [, root, list] of config.matchAll(/root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]/g)) {
    for (const [, page] of list.matchAll(/'([^']+)'/g)) pages.add(`/${root}/${page}`)
  }
  return pages
}

/** What each subject's page reads from its query (`useRouter().params.id` on every one of them). */
const EXPECTED_PATHS: Record<NotificationSubjectKind, string> = {
  case: '/packages/cases/pages/detail/index',
  prereview: '/packages/prereview/pages/detail/index',
  appointment: '/packages/booking/pages/detail/index',
  payment: '/packages/payment/pages/order/index',
  rating: '/packages/rating/pages/detail/index',
  complaint: '/packages/complaints/pages/detail/index',
}

const kinds = Object.keys(NOTIFICATION_SUBJECT_KINDS) as NotificationSubjectKind[]

it.each(kinds)('links a %s subject to its registered page with ?id=', (kind) => {
  const url = messageLink({ subject: { kind, id: 'a b/1' }, caseId: '6f1c2d7e-0000-4000-8000-000000000001' })
  expect(url).not.toBeNull()
  const [path, query] = (url as string).split('?')
  expect(path).toBe(EXPECTED_PATHS[kind])
  expect(registeredPages().has(path)).toBe(true)
  expect(new URLSearchParams(query).get('id')).toBe('a b/1')
})

it('falls back to the case, else to no link', () => {
  expect(messageLink({ subject: null, caseId: 'c1' })).toBe('/packages/cases/pages/detail/index?id=c1')
  expect(messageLink({ caseId: 'c2' })).toBe('/packages/cases/pages/detail/index?id=c2')
  expect(messageLink({ subject: null, caseId: null })).toBeNull()
  // A kind this build does not know (a newer server) still opens the case it names.
  expect(messageLink({ subject: { kind: 'future' as NotificationSubjectKind, id: 'x' }, caseId: 'c3' })).toBe('/packages/cases/pages/detail/index?id=c3')
  expect(messageLink({ subject: { kind: 'future' as NotificationSubjectKind, id: 'x' }, caseId: null })).toBeNull()
})
