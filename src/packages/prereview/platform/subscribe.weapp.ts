import Taro from '@tarojs/taro'
import type { SubscribeMessages } from './types'

/** WeChat's own consent sheet; call it first thing in the tap handler (WeChat refuses it elsewhere). */
export const subscribeMessages: SubscribeMessages = {
  available: true,
  request(templateIds) {
    const ids = templateIds.slice(0, 3)
    if (ids.length === 0) return Promise.resolve([])
    return Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option).then(
      (answer) => ids.filter((id) => (answer as unknown as Record<string, string>)[id] === 'accept'),
      () => [],
    )
  },
}
