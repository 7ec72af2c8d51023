import type { FastifyInstance } from 'fastify'

/**
 * Headers every API answer carries. Answers to a signed-in request may hold
 * personal data, so no shared cache or browser history keeps them.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'no-referrer')
    if (!request.url.startsWith('/api/docs')) reply.header('x-frame-options', 'DENY')
    if (request.headers.authorization) reply.header('cache-control', 'no-store')
  })
}
