/**
 * Reads the bearer token on every request and offers two guards. The server
 * enforces roles on every staff endpoint; the app's own checks are courtesy.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { StaffRole } from '../../../types/enums'
import { forbidden, unauthorized } from '../errors'
import type { Principal, SessionService, StaffPrincipal } from '../services/auth/sessionService'
import type { CitizenRow } from '../db/schema'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
    /** Set by requireCitizen. */
    citizen: CitizenRow
    /** Set by requireStaff. */
    staffMember: StaffPrincipal
  }
  interface FastifyInstance {
    requireCitizen: (request: FastifyRequest, reply: FastifyReply) => Promise<void>
    requireStaff: (...roles: StaffRole[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>
  }
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)
  return match ? match[1] : null
}

export default fp(
  async function authentication(app: FastifyInstance, opts: { sessions: SessionService }) {
    app.decorateRequest('principal', null)
    app.decorateRequest('citizen', null as unknown as CitizenRow)
    app.decorateRequest('staffMember', null as unknown as StaffPrincipal)

    app.addHook('onRequest', async (request) => {
      const token = bearer(request)
      request.principal = token ? await opts.sessions.resolve(token) : null
    })

    app.decorate('requireCitizen', async (request: FastifyRequest) => {
      const p = request.principal
      if (!p) throw unauthorized('请先登录')
      if (p.kind !== 'citizen') throw forbidden('此功能仅供办事群众使用')
      request.citizen = p.citizen
    })

    app.decorate('requireStaff', (...roles: StaffRole[]) => async (request: FastifyRequest) => {
      const p = request.principal
      if (!p) throw unauthorized('请先以工作人员身份登录')
      if (p.kind !== 'staff') throw forbidden('此功能仅供工作人员使用')
      if (roles.length > 0 && !roles.includes(p.staff.role)) throw forbidden('您的岗位无权进行此操作')
      request.staffMember = p.staff
    })
  },
  { name: 'authentication' },
)
