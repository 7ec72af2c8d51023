import Taro from '@tarojs/taro'

/** Dials a hotline: WeChat's call sheet on weapp, a tel: link on H5. */
export async function callPhone(phoneNumber: string): Promise<void> {
  const digits = phoneNumber.replace(/[^\d-]/g, '')
  if (!digits) return
  try {
    await Taro.makePhoneCall({ phoneNumber: digits })
  } catch {
    // The user cancelled the call sheet.
  }
}
