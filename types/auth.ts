import { Type, type Static } from 'typebox'
import { MOBILE_PATTERN, SMS_CODE_PATTERN } from './validators'
import { IDENTITY_LEVELS, STAFF_ROLES, keysOf } from './enums'
import { Uuid } from './common'

const Mobile = Type.String({ pattern: MOBILE_PATTERN, description: 'Mainland mobile number' })

export const WechatLoginRequest = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128, description: 'Code from wx.login' }) },
  { additionalProperties: false },
)
export type WechatLoginRequest = Static<typeof WechatLoginRequest>

export const WechatPhoneRequest = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128, description: 'Code from the getPhoneNumber button' }) },
  { additionalProperties: false },
)
export type WechatPhoneRequest = Static<typeof WechatPhoneRequest>

export const SmsCodeRequest = Type.Object({ phone: Mobile }, { additionalProperties: false })
export type SmsCodeRequest = Static<typeof SmsCodeRequest>

export const SmsCodeSent = Type.Object({
  expiresInSeconds: Type.Integer(),
  resendAfterSeconds: Type.Integer(),
})
export type SmsCodeSent = Static<typeof SmsCodeSent>

export const SmsLoginRequest = Type.Object(
  { phone: Mobile, code: Type.String({ pattern: SMS_CODE_PATTERN, description: '6-digit SMS code' }) },
  { additionalProperties: false },
)
export type SmsLoginRequest = Static<typeof SmsLoginRequest>

export const StaffLoginRequest = Type.Object({
  username: Type.String({ minLength: 2, maxLength: 40 }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
},
{ additionalProperties: false },
)
export type StaffLoginRequest = Static<typeof StaffLoginRequest>

export const IdentityLevelSchema = Type.Enum(keysOf(IDENTITY_LEVELS))
export const StaffRoleSchema = Type.Enum(keysOf(STAFF_ROLES))

/** A citizen's own profile. Phone and ID are masked even for the owner on screen. */
export const CitizenProfile = Type.Object(
{
  id: Uuid,
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  wechatLinked: Type.Boolean(),
  realName: Type.Union([
    Type.Object({
      nameMasked: Type.String(),
      idNumberMasked: Type.String(),
      level: IdentityLevelSchema,
    }),
    Type.Null(),
  ]),
  identityLevel: IdentityLevelSchema,
})
export type CitizenProfile = Static<typeof CitizenProfile>

export const StaffProfile = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRoleSchema,
  department: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  canEditGuides: Type.Boolean({ description: "May change service guides (own department's, or all for an admin)" }),
  canSupervise: Type.Boolean({ description: 'May open time-limit supervision (督办)' }),
})
export type StaffProfile = Static<typeof StaffProfile>

export const CitizenSession = Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), profile: CitizenProfile })
export type CitizenSession = Static<typeof CitizenSession>

export const StaffSession = Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), staff: StaffProfile })
export type StaffSession = Static<typeof StaffSession>
