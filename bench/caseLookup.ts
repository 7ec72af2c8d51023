/**
 * Anonymous case lookup (POST /api/cases/lookup) throughput as a ratio to a
 * bare Fastify route, with p50/p99, at 10 k, 100 k and 1 M cases on
 * PostgreSQL. Goal (issue 3): ratio ≥ 0.5 and p99 flat (±20 %) across sizes.
 * Cases are added in place with generate_series (10 k → 100 k → 1 M), so the
 * 1 M size is built once per run. All requests come from one client (the
 * per-client limit is raised for the bench), so they share one counter row.
 *
 *   TEST_DATABASE=postgres npx tsx bench/caseLookup.ts
 */
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { hashQueryPassword } from '../server/src/services/cases/queryPassword'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = 16
const SIZES = (process.env.BENCH_CASE_SIZES ?? '10000,100000,1000000').split(',').map(Number)
const PASSWORD = '246810'
const number = (i: number) => `BM${String(i).padStart(12, '0')}`

type Load = { rps: number; p50: number; p99: number }

async function load(url: string, body?: object): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    ...(body ? { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
  })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}

export async function measureCaseLookup(): Promise<void> {
  process.env.TEST_DATABASE = 'postgres'
  // Imported after choosing the engine: testDatabase reads TEST_DATABASE when loaded.
  const { openTestDatabase } = await import('../server/test/testDatabase')
  const db = await openTestDatabase()
  const bare = Fastify({ logger: false })
  bare.post('/constant', async () => ({ number: 'x', status: 'accepted', steps: [] }))
  const bareUrl = `${await bare.listen({ host: '127.0.0.1', port: 0 })}/constant`
  const config = loadConfig({ LOOKUP_HOURLY_LIMIT_PER_CLIENT: '10000000' })
  const app = await buildApp({ config, database: db.database, storage: db.storage, wechat: null, sms: null, logger: false })
  const apiUrl = `${await app.listen({ host: '127.0.0.1', port: 0 })}/api/cases/lookup`
  const pool = db.database.pool
  try {
    const { rows } = await pool.query(`SELECT id, department_id FROM matters ORDER BY key LIMIT 1`)
    const [matter] = rows
    const hash = hashQueryPassword(PASSWORD)
    console.log(`## Case lookup on PostgreSQL (${CONNECTIONS} connections, ${DURATION_S} s each)`)
    let have = 0
    for (const size of SIZES) {
      const started = Date.now()
      await pool.query(
        `INSERT INTO cases (number, query_password_hash, matter_id, department_id, applicant_name, applicant_id_number,
                            applicant_phone, status, accepted_at, due_at, delivery_mode, created_at)
         SELECT 'BM' || lpad(i::text, 12, '0'), $1, $2, $3, '张三', '11010519491231002X', '13900000000',
                'accepted', now() - interval '1 day', now() + interval '5 days', 'hall', now() - interval '1 day'
         FROM generate_series($4::int + 1, $5::int) AS i`,
        [hash, matter.id, matter.department_id, have, size],
      )
      if (have === 0) {
        // A realistic timeline for the cases looked up.
        await pool.query(
          `INSERT INTO case_steps (case_id, at, status, outcome, actor_kind, comment)
           SELECT id, now() - interval '1 day', s.status, 'pass', 'system', ''
           FROM cases, (VALUES ('received'), ('accepted')) AS s(status) WHERE number LIKE 'BM0000000050%'`,
        )
      }
      await pool.query('ANALYZE cases')
      await pool.query('ANALYZE case_steps')
      have = size
      const body = { number: number(5001), password: PASSWORD }
      await load(bareUrl, body) // warm-up
      await load(apiUrl, body)
      const baseline = await load(bareUrl, body)
      const lookup = await load(apiUrl, body)
      console.log(
        `  ${String(size).padStart(8)} cases (built in ${((Date.now() - started) / 1000).toFixed(1)} s): ` +
          `bare ${baseline.rps.toFixed(0)} req/s (p50 ${baseline.p50} ms, p99 ${baseline.p99} ms); ` +
          `lookup ${lookup.rps.toFixed(0)} req/s (p50 ${lookup.p50} ms, p99 ${lookup.p99} ms); ratio ${(lookup.rps / baseline.rps).toFixed(3)}`,
      )
    }
  } finally {
    await app.close()
    await bare.close()
    await db.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await measureCaseLookup()
