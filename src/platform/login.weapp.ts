import Taro from '@tarojs/taro'
import type { WechatLogin } from './types'

export const wechatLogin: WechatLogin = {
  available: true,
  phoneButton: true,
  async getCode() {
    const { code } = await Taro.login()
    if (!code) throw new Error('微信登录失败，请重试')
    return code
  },
}
