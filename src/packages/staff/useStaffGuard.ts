import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { useStores } from '../../stores/context'
import { routes } from '../../routes'

/**
 * True when a staff session is present. Once the session is known (restored)
 * and is not a staff one — never was, or expired by a 401 — the page is
 * replaced by the staff login. A deliberate sign-out on a page that was open
 * with a session is left to the sign-out handler, which goes to 我的: two
 * navigations racing each other would land on either page. Call it from an
 * observer component.
 */
export function useStaffGuard(): boolean {
  const { session } = useStores()
  const openedSignedIn = useRef(session.isStaff)
  const allowed = session.restored && session.isStaff
  const refused = session.restored && !session.isStaff && !(session.signedOutByUser && openedSignedIn.current)
  useEffect(() => {
    if (refused) void Taro.redirectTo({ url: routes.staffLogin })
  }, [refused])
  return allowed
}
