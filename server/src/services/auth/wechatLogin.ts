import { WechatApiError, type WechatClient } from '../../integrations/wechat/client'
import { HttpError, badRequest, unavailable } from '../../errors'

/** WeChat errcodes that mean the code from the app is bad, not that WeChat is down. */
const BAD_CODE = new Set([40029, 40163, 40226, 41008])

/** Maps a WeChat failure to what the citizen should do about it. */
export async function callWechat<T>(client: WechatClient | null, call: (c: WechatClient) => Promise<T>): Promise<T> {
  if (!client) throw unavailable('微信登录暂未开通，请使用手机号验证码登录')
  try {
    return await call(client)
  } catch (error) {
    if (error instanceof WechatApiError && BAD_CODE.has(error.errcode)) {
      throw badRequest('微信授权已失效，请重新操作', 'code')
    }
    throw new HttpError(502, '微信服务暂时不可用，请稍后重试')
  }
}
