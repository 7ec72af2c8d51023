/**
 * Throughput of the catalog list endpoint as a ratio to a bare Fastify route
 * returning a constant, both measured in this run on this machine, on the
 * embedded PGlite and (when reachable) on PostgreSQL. Loopback only.
 */
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { openTestDatabase } from '../server/test/testDatabase'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = 16

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { rps: result.requests.average, p99: result.latency.p99 }
}

async function bareFastify() {
  const app = Fastify({ logger: false })
  app.get('/constant', async () => ({ items: [], page: 1, pageSize: 20, total: 0 }))
  return { url: `${await app.listen({ host: '127.0.0.1', port: 0 })}/constant`, close: () => app.close() }
}

async function catalogApi(engine: 'pglite' | 'postgres') {
  const db = await openTestDatabase(engine)
  const app = await buildApp({ config: loadConfig({}), database: db.database, storage: db.storage, wechat: null, sms: null, logger: false })
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    url: `${base}/api/matters?page=1&pageSize=20`,
    searchUrl: `${base}/api/matters?q=${encodeURIComponent('登记')}&audience=person`,
    close: async () => {
      await app.close()
      await db.close()
    },
  }
}

export async function measureCatalogThroughput(engine: 'pglite' | 'postgres'): Promise<void> {
  const bare = await bareFastify()
  const api = await catalogApi(engine)
  try {
    await load(bare.url) // warm-up of both
    await load(api.url)
    const baseline = await load(bare.url)
    const list = await load(api.url)
    const search = await load(api.searchUrl)
    const fmt = (name: string, r: { rps: number; p99: number }) =>
      `  ${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} req/s  p99 ${String(r.p99).padStart(4)} ms  ratio ${(r.rps / baseline.rps).toFixed(3)}`
    console.log(`## Catalog list throughput on ${engine} (${CONNECTIONS} connections, ${DURATION_S} s each)`)
    console.log(fmt('bare Fastify constant route', baseline))
    console.log(fmt('GET /api/matters (page of 20)', list))
    console.log(fmt('GET /api/matters?q=登记&audience', search))
  } finally {
    await bare.close()
    await api.close()
  }
}
