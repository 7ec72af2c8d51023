import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import authentication from './plugins/authentication'
import { loggableUrl } from './errors'
import { registerCors } from './plugins/cors'
import { frameworkErrors, registerErrorHandler } from './plugins/errorHandler'
import { registerOpenApi } from './plugins/openapi'
import { registerSecurityHeaders } from './plugins/securityHeaders'
import { registerRetryAfter } from './services/limits/rateLimited'
import { trustProxyOf } from './config'
import auth from './routes/auth'
import catalog from './routes/catalog'
import documentRoutes from './routes/documents'
import halls from './routes/halls'
import health from './routes/health'
import matters from './routes/matters'
import me from './routes/me'
import staffMatters from './routes/staff/matters'
import citizenCases from './routes/cases'
import notificationRoutes from './routes/notifications'
import subscriptionRoutes from './routes/subscriptions'
import notificationDeliveries from './routes/staff/notificationDeliveries'
import staffCases from './routes/staff/cases'
import supervision from './routes/staff/supervision'
import staffCalendar from './routes/staff/calendar'
import staffMe from './routes/staff/me'
import prereviewFiles from './routes/prereviewFiles'
import fileRoutes from './routes/files'
import prereviewRoutes from './routes/prereviews'
import bundleRoutes from './routes/bundles'
import staffPrereviews from './routes/staff/prereviews'
import citizenAppointments from './routes/appointments'
import staffAppointments from './routes/staff/appointments'
import citizenPayments from './routes/payments'
import staffPayments from './routes/staff/payments'
import citizenRatings from './routes/ratings'
import staffRatings from './routes/staff/ratings'
import citizenComplaints from './routes/complaints'
import staffComplaints from './routes/staff/complaints'
import staffAuditLog from './routes/staff/auditLog'
import { buildServices, type ServiceDeps, type Services } from './services'

declare module 'fastify' {
  interface FastifyInstance {
    services: Services
  }
}

export interface AppOptions extends ServiceDeps {
  logger?: boolean
  /** Where the log lines go (default stdout); tests capture them to check nothing personal is written. */
  logStream?: { write(line: string): void }
}

/** Builds the API without listening, so tests drive it through app.inject. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.LOG_LEVEL,
            // Tokens and personal data never reach the log; bodies are not logged at all.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            serializers: {
              req: (req: { method: string; url: string; host?: string; ip?: string }) => ({
                method: req.method,
                url: loggableUrl(req.url),
                host: req.host,
                remoteAddress: req.ip,
              }),
            },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    trustProxy: trustProxyOf(config.TRUST_PROXY).trustProxy,
    bodyLimit: 256 * 1024,
    frameworkErrors,
    // strictNumbers off: with it (Ajv's default) a query string such as ?page=1e309 is coerced to Infinity
    // and then skips minimum/maximum; without it the bounds refuse Infinity. JSON bodies cannot carry NaN.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, strictNumbers: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  const services = buildServices(options)
  // Scheduled jobs (server.ts) and tests reach the same service instances as the routes.
  app.decorate('services', services)
  registerErrorHandler(app)
  registerRetryAfter(app)
  registerSecurityHeaders(app)
  await registerCors(app, config)
  await registerOpenApi(app)
  await app.register(authentication, { sessions: services.sessions })

  const routes = [
    [health, '/api/health'],
    [catalog, '/api/catalog'],
    [matters, '/api/matters'],
    [halls, '/api/halls'],
    [documentRoutes, '/api/documents'],
    [auth, '/api/auth'],
    [me, '/api/me'],
    [staffMe, '/api/staff/me'],
    [staffMatters, '/api/staff/matters'],
    [citizenCases, '/api/cases'],
    [notificationRoutes, '/api/notifications'],
    [subscriptionRoutes, '/api/subscriptions'],
    [notificationDeliveries, '/api/staff/notification-deliveries'],
    [staffCases, '/api/staff/cases'],
    [supervision, '/api/staff/supervision'],
    [staffCalendar, '/api/staff/calendar'],
    [prereviewFiles, '/api/prereviews'],
    [fileRoutes, '/api/files'],
    [prereviewRoutes, '/api/prereviews'],
    [bundleRoutes, '/api/bundles'],
    [staffPrereviews, '/api/staff/prereviews'],
    [citizenAppointments, '/api/appointments'],
    [staffAppointments, '/api/staff/appointments'],
    [citizenPayments, '/api/payments'],
    [staffPayments, '/api/staff/payments'],
    [citizenRatings, '/api/ratings'],
    [staffRatings, '/api/staff/ratings'],
    [citizenComplaints, '/api/complaints'],
    [staffComplaints, '/api/staff/complaints'],
    [staffAuditLog, '/api/staff/audit-log'],
  ] as const
  for (const [plugin, prefix] of routes) await app.register(plugin, { prefix, services })
  return app
}
