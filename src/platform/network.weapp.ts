import Taro from '@tarojs/taro'
import type { NetworkStatus } from './types'

/**
 * WeChat reports changes through one app-wide `onNetworkStatusChange`; the
 * state at launch comes from `getNetworkType` ('none' = offline).
 */
let online = true
const listeners = new Set<(online: boolean) => void>()
let watching = false

function set(next: boolean) {
  if (next === online) return
  online = next
  listeners.forEach((listener) => listener(next))
}

function watch() {
  if (watching) return
  watching = true
  Taro.onNetworkStatusChange((res) => set(res.isConnected))
  Taro.getNetworkType({ success: (res) => set(res.networkType !== 'none') }).catch(() => undefined)
}

export const networkStatus: NetworkStatus = {
  isOnline() {
    watch()
    return online
  },
  subscribe(listener) {
    watch()
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
