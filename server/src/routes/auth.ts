import { createHash } from 'node:crypto'
import { Type } from 'typebox'
import {
  CitizenProfile,
  CitizenSession,
  SmsCodeRequest,
  SmsCodeSent,
  SmsLoginRequest,
  StaffLoginRequest,
  StaffSession,
  WechatLoginRequest,
  WechatPhoneRequest,
} from '../../../types/auth'
import { errorResponses } from '../../../types/common'
import { badRequest } from '../errors'
import { verifyStaffLogin } from '../services/auth/staffLogin'
import { callWechat } from '../services/auth/wechatLogin'
import { toProfile } from '../services/citizens/profile'
import type { RoutePlugin } from './types'

const auth: RoutePlugin = async (app, { services }) => {
  const { sessions, citizens, smsLogin, config, wechat, database, limits } = services
  const tags = ['auth']

  app.post(
    '/sms-codes',
    {
      schema: { tags, summary: 'Send an SMS sign-in code', body: SmsCodeRequest, response: { 200: SmsCodeSent, ...errorResponses } },
    },
    async (request) => {
      const clientKey = createHash('sha256').update(request.ip).digest('hex')
      return smsLogin.sendCode(request.body.phone, clientKey)
    },
  )

  app.post(
    '/sms',
    {
      schema: { tags, summary: 'Sign in with phone and SMS code', body: SmsLoginRequest, response: { 200: CitizenSession, ...errorResponses } },
    },
    async (request) => {
      const { phone, code } = request.body
      await limits.smsSignIn(phone, request.ip)
      await smsLogin.verify(phone, code)
      const citizen = await citizens.byPhone(phone)
      return { ...(await sessions.create({ citizenId: citizen.id })), profile: toProfile(citizen) }
    },
  )

  app.post(
    '/wechat',
    {
      schema: {
        tags,
        summary: 'Sign in from the mini-program with a wx.login code',
        body: WechatLoginRequest,
        response: { 200: CitizenSession, ...errorResponses },
      },
    },
    async (request) => {
      await limits.wechatSignIn(request.ip)
      const wx = await callWechat(wechat, (c) => c.code2Session(request.body.code))
      const citizen = await citizens.byWechat(wx.openid, wx.unionid)
      return { ...(await sessions.create({ citizenId: citizen.id })), profile: toProfile(citizen) }
    },
  )

  app.post(
    '/wechat/phone',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        summary: "Bind the phone number from WeChat's phone button",
        security: [{ bearer: [] }],
        body: WechatPhoneRequest,
        response: { 200: CitizenProfile, ...errorResponses },
      },
    },
    async (request) => {
      const phone = await callWechat(wechat, (c) => c.getPhoneNumber(request.body.code))
      if (phone.countryCode !== '86') throw badRequest('目前仅支持中国大陆手机号', 'code')
      return toProfile(await citizens.bindWechatPhone(request.citizen, phone.purePhoneNumber))
    },
  )

  app.post(
    '/staff',
    {
      schema: { tags, summary: 'Staff sign-in', body: StaffLoginRequest, response: { 200: StaffSession, ...errorResponses } },
    },
    async (request, reply) => {
      await limits.staffSignIn(request.ip)
      const staffId = await verifyStaffLogin(
        database.db,
        { maxFailedLogins: config.STAFF_MAX_FAILED_LOGINS, lockoutMinutes: config.STAFF_LOCKOUT_MINUTES },
        request.body.username,
        request.body.password,
      )
      const session = await sessions.create({ staffId })
      const principal = await sessions.resolve(session.token)
      if (principal?.kind !== 'staff') return reply.status(401).send({ statusCode: 401, error: 'Unauthorized', message: '登录失败，请重试' })
      return { ...session, staff: principal.staff }
    },
  )

  app.delete(
    '/session',
    {
      schema: { tags, summary: 'Sign out', security: [{ bearer: [] }], response: { 204: Type.Null(), ...errorResponses } },

    },
    async (request, reply) => {
      if (request.principal) await sessions.revoke(request.principal.sessionId)
      return reply.status(204).send(null)
    },
  )
}
export default auth
