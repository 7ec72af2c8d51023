import type { Config } from '../config'
import { AliyunSmsClient } from './sms/aliyunSms'
import type { SmsSender } from './sms/smsSender'
import { WechatClient } from './wechat/client'

/** The real clients, pointed by configuration at the real hosts or at the simulators in mock/. */
export function wechatFromConfig(config: Config): WechatClient | null {
  if (!config.WECHAT_APPID) return null
  return new WechatClient({ baseUrl: config.WECHAT_API_BASE, appId: config.WECHAT_APPID, appSecret: config.WECHAT_SECRET })
}

export function smsFromConfig(config: Config): SmsSender | null {
  if (!config.SMS_ACCESS_KEY_ID) return null
  return new AliyunSmsClient({
    endpoint: config.SMS_ENDPOINT,
    accessKeyId: config.SMS_ACCESS_KEY_ID,
    accessKeySecret: config.SMS_ACCESS_KEY_SECRET,
    signName: config.SMS_SIGN_NAME,
  })
}
