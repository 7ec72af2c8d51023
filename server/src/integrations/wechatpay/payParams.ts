/**
 * 小程序调起支付 (wx.requestPayment) parameters, APIv3: paySign = base64
 * RSA-SHA256 with the merchant key over `appId\ntimeStamp\nnonceStr\npackage\n`,
 * package = `prepay_id=…`, signType = RSA.
 */
import type { KeyObject } from 'node:crypto'
import { rsaSign } from './signing'
import type { MiniProgramPayParams } from './client'

export function payMessage(appId: string, timeStamp: string, nonceStr: string, pkg: string): string {
  return `${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`
}

export function buildMiniProgramPayParams(
  appId: string,
  prepayId: string,
  privateKey: KeyObject,
  fixed: { timeStamp: string; nonceStr: string },
): MiniProgramPayParams {
  const pkg = `prepay_id=${prepayId}`
  return {
    appId,
    timeStamp: fixed.timeStamp,
    nonceStr: fixed.nonceStr,
    package: pkg,
    signType: 'RSA',
    paySign: rsaSign(payMessage(appId, fixed.timeStamp, fixed.nonceStr, pkg), privateKey),
  }
}
