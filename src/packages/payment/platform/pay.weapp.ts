import Taro from '@tarojs/taro'
import type { PayChannel } from './types'

/**
 * The mini-program pays with JSAPI: WeChat's own pay sheet over the
 * server-signed params. Callbacks, not the promise style: Taro does not wrap
 * requestPayment on weapp, and WeChat returns a promise only on newer base libraries.
 */
export const payChannel: PayChannel = {
  method: () => 'jsapi',
  requestPayment(params) {
    return new Promise((resolve) => {
      void Taro.requestPayment({
        ...params,
        success: () => resolve('done'),
        fail: (error: { errMsg?: string }) => resolve(/cancel/i.test(error?.errMsg ?? '') ? 'cancelled' : 'failed'),
      })
    })
  },
  openCashier() {
    throw new Error('小程序内请使用微信支付')
  },
}
