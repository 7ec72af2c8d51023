import type { Config } from '../config'
import { AliyunSmsClient } from './sms/aliyunSms'
import type { SmsSender } from './sms/smsSender'
import { WechatClient } from './wechat/client'
import { WechatPayClient } from './wechatpay/client'
import { loadPlatformKeys, loadPrivateKey } from './wechatpay/keys'

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

/**
 * The WeChat Pay v3 client, or null when WECHATPAY_MCHID is unset (services then answer
 * WECHATPAY_NOT_AVAILABLE_MESSAGE). Reads the key files once; a bad key stops boot with a message naming the setting.
 */
export function wechatPayFromConfig(config: Config): WechatPayClient | null {
  if (!config.WECHATPAY_MCHID) return null
  return new WechatPayClient({
    baseUrl: config.WECHATPAY_API_BASE,
    mchId: config.WECHATPAY_MCHID,
    appId: config.WECHATPAY_APPID || config.WECHAT_APPID,
    apiV3Key: config.WECHATPAY_API_V3_KEY,
    merchantSerial: config.WECHATPAY_MERCHANT_SERIAL.toUpperCase(),
    merchantPrivateKey: loadPrivateKey(config.WECHATPAY_PRIVATE_KEY),
    platformKeys: loadPlatformKeys({
      publicKeyId: config.WECHATPAY_PUBLIC_KEY_ID,
      publicKey: config.WECHATPAY_PUBLIC_KEY,
      platformCerts: config.WECHATPAY_PLATFORM_CERTS,
    }),
    notifyUrl: config.WECHATPAY_NOTIFY_URL,
    refundNotifyUrl: config.WECHATPAY_REFUND_NOTIFY_URL || undefined,
    timeoutMs: config.WECHATPAY_TIMEOUT_MS,
  })
}
