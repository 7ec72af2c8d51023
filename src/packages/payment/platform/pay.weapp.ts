import Taro from '@tarojs/taro'
import type { PayChannel } from './types'

/** The mini-program pays with JSAPI: WeChat's own pay sheet over the server-signed params. */
export const payChannel: PayChannel = {
  method: () => 'jsapi',
  requestPayment(params) {
    return Taro.requestPayment({ ...params }).then(
      () => 'done' as const,
      (error: { errMsg?: string }) => {
        if (/cancel/i.test(error?.errMsg ?? '')) return 'cancelled' as const
        throw new Error('微信支付未完成，请稍后再试')
      },
    )
  },
  openCashier() {
    throw new Error('小程序内请使用微信支付')
  },
}
