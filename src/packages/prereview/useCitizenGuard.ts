import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { useStores } from '../../stores/context'
import { routes } from '../../routes'

/** What the page may show: wait for the session, ask for sign-in or a real name, or go on. */
export type CitizenGate = 'wait' | 'signIn' | 'realName' | 'ready'

/**
 * A pre-review needs a signed-in citizen, and to apply, a declared real name.
 * The first time the page finds one missing it opens the account page, which
 * comes back here when done (navigateTo, so back returns); after that the
 * page shows the gate with a button instead of sending the citizen round in
 * circles. Call it from an observer component.
 */
export function useCitizenGuard(needsRealName: boolean): CitizenGate {
  const { session } = useStores()
  const sent = useRef(false)
  let gate: CitizenGate = 'ready'
  if (!session.restored || (session.isCitizen && !session.citizen)) gate = 'wait'
  else if (!session.isCitizen) gate = 'signIn'
  else if (needsRealName && !session.citizen?.realName) gate = 'realName'

  useEffect(() => {
    if (sent.current || (gate !== 'signIn' && gate !== 'realName')) return
    sent.current = true
    void Taro.navigateTo({ url: gate === 'signIn' ? routes.login : routes.realName })
  }, [gate])
  return gate
}
