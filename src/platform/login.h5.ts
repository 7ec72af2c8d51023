import type { WechatLogin } from './types'

/** The city app's web front has no WeChat account to log in with. */
export const wechatLogin: WechatLogin = {
  available: false,
  phoneButton: false,
  getCode() {
    return Promise.reject(new Error('当前环境不支持微信登录，请使用短信验证码登录'))
  },
}
