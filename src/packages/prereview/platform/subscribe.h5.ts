import type { SubscribeMessages } from './types'

/** H5 has no subscribe messages: replies reach the citizen by SMS and the in-app message centre. */
export const subscribeMessages: SubscribeMessages = {
  available: false,
  request: async () => [],
}
