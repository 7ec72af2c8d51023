/**
 * Serves the built city app (dist/h5) and forwards /api to the platform API,
 * so the app and its API share one origin (no CORS, cookies or preflights).
 * A production deployment does the same with nginx or the city's gateway.
 */
import Fastify from 'fastify'
import fastifyStatic from '@fastify/static'
import proxy from '@fastify/http-proxy'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface H5Server {
  url: string
  close(): Promise<void>
}

export async function startH5Server(opts: { root: string; apiUrl: string; host?: string; port?: number }): Promise<H5Server> {
  if (!existsSync(join(opts.root, 'index.html'))) throw new Error(`${opts.root} has no index.html: run npm run build:h5 first`)
  const app = Fastify({ logger: false })
  await app.register(proxy, { upstream: opts.apiUrl, prefix: '/api', rewritePrefix: '/api' })
  await app.register(fastifyStatic, { root: opts.root, wildcard: false })
  // The app uses browser-history routes: unknown paths get the app shell.
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api')) return reply.status(404).send({ message: '请求的接口不存在' })
    return reply.type('text/html').sendFile('index.html')
  })
  const url = await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 10086 })
  return { url, close: () => app.close() }
}
