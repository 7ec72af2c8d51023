import type {
  CitizenProfile,
  CitizenSession,
  SmsCodeRequest,
  SmsCodeSent,
  SmsLoginRequest,
  StaffLoginRequest,
  StaffSession,
} from '../../types/auth'
import { body, http } from './http'

/** POST /api/auth/sms-codes — sends a 6-digit code; says when the next may be asked for. */
export function requestSmsCode(request: SmsCodeRequest): Promise<SmsCodeSent> {
  return body(http.post<SmsCodeSent>('/api/auth/sms-codes', request, { skipAuth: true }))
}

/** POST /api/auth/sms — phone + code → citizen session. */
export function signInWithSms(request: SmsLoginRequest): Promise<CitizenSession> {
  return body(http.post<CitizenSession>('/api/auth/sms', request, { skipAuth: true }))
}

/** POST /api/auth/wechat — a wx.login code → citizen session (the server keeps session_key). */
export function signInWithWechat(code: string): Promise<CitizenSession> {
  return body(http.post<CitizenSession>('/api/auth/wechat', { code }, { skipAuth: true }))
}

/** POST /api/auth/wechat/phone — the getPhoneNumber button's code binds the phone (citizen auth). */
export function bindWechatPhone(code: string): Promise<CitizenProfile> {
  return body(http.post<CitizenProfile>('/api/auth/wechat/phone', { code }))
}

/** POST /api/auth/staff */
export function signInStaff(request: StaffLoginRequest): Promise<StaffSession> {
  return body(http.post<StaffSession>('/api/auth/staff', request, { skipAuth: true }))
}

/** DELETE /api/auth/session — ends the current session on the server. */
export async function signOut(): Promise<void> {
  // An empty body with the JSON content type WeChat always sends is refused by
  // some servers (Fastify answers 400), so send an empty object.
  await http.delete('/api/auth/session', { data: {} })
}
