import type { PayChannel } from './types'

const PHONE_AGENT = /Android|iPhone|iPad|iPod|Mobile|HarmonyOS/i

/** A phone browser (or a narrow touch screen) pays on WeChat's H5 cashier; a desktop scans a QR code. */
function onPhone(): boolean {
  if (typeof navigator === 'undefined') return false
  if (PHONE_AGENT.test(navigator.userAgent)) return true
  return navigator.maxTouchPoints > 0 && typeof window !== 'undefined' && window.innerWidth < 768
}

export const payChannel: PayChannel = {
  method: () => (onPhone() ? 'h5' : 'native'),
  requestPayment() {
    // Never offered: a browser pays with h5 or native.
    return Promise.resolve('failed')
  },
  openCashier(url) {
    window.location.assign(url)
  },
}
