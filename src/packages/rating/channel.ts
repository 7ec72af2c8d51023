import Taro from '@tarojs/taro'
import type { SignedInChannel } from './RatingStore'

/** The contract's channel for a signed-in rating: PC端 from a desktop browser, 移动端 otherwise. */
export function channelFor(platform: string): SignedInChannel {
  return /^(windows|mac|win32|macintel)/i.test(platform) ? 'pc' : 'mobile'
}

export function currentChannel(): SignedInChannel {
  try {
    return channelFor(Taro.getSystemInfoSync().platform ?? '')
  } catch {
    return 'mobile'
  }
}
