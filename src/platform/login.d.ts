import type { WechatLogin } from './types'

export declare const wechatLogin: WechatLogin
