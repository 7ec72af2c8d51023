import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { useStores } from '../../stores/context'
import { routes } from '../../routes'

/**
 * True when a staff session is present. Once the session is known (restored)
 * and is not a staff one — never was, signed out, or expired by a 401 — the
 * page is replaced by the staff login. Call it from an observer component.
 */
export function useStaffGuard(): boolean {
  const { session } = useStores()
  const allowed = session.restored && session.isStaff
  const refused = session.restored && !session.isStaff
  useEffect(() => {
    if (refused) void Taro.redirectTo({ url: routes.staffLogin })
  }, [refused])
  return allowed
}
