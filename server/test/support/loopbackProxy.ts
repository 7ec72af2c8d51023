/**
 * A small reverse proxy on 127.0.0.1 in front of several API instances, the
 * way nginx balances them in production: round robin, bodies streamed both
 * ways, X-Forwarded-For / X-Forwarded-Proto added. Each response says which
 * backend served it (`x-backend: <index>`), and `pin(i)` sends everything to
 * one backend until `pin(null)`.
 */
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export const BACKEND_HEADER = 'x-backend'

export interface LoopbackProxy {
  url: string
  /** Sends every request to backend `index` (null: round robin again). */
  pin(index: number | null): void
  /** How many requests each backend got. */
  served(): number[]
  close(): Promise<void>
}

export async function startLoopbackProxy(backends: string[], { forwardedProto = 'https' } = {}): Promise<LoopbackProxy> {
  if (backends.length === 0) throw new Error('a proxy needs at least one backend')
  const targets = backends.map((b) => new URL(b))
  const counts = backends.map(() => 0)
  let next = 0
  let pinned: number | null = null

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const index = pinned ?? next++ % targets.length
    counts[index]++
    const target = targets[index]
    const client = req.socket.remoteAddress ?? ''
    const headers = { ...req.headers }
    // As nginx's $proxy_add_x_forwarded_for: append the peer to what came in.
    headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${client}` : client
    headers['x-forwarded-proto'] = forwardedProto
    headers.host = target.host
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [BACKEND_HEADER]: String(index) })
      answer.pipe(res)
    })
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain', [BACKEND_HEADER]: String(index) })
      res.end('bad gateway')
    })
    req.pipe(upstream)
  }

  const server = createServer(forward)
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    pin(index) {
      if (index !== null && (index < 0 || index >= targets.length)) throw new Error(`no backend ${index}`)
      pinned = index
    },
    served: () => [...counts],
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
