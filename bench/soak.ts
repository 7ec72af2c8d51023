/**
 * Soak (issue 9): one server process (`server/src/main.ts`) on loopback, the
 * WeChat, SMS and WeChat Pay simulators, and BENCH_SOAK_USERS virtual users
 * (default 12) looping over a weighted mix of every journey of the product
 * (bench/soak/journeys.ts) for BENCH_SOAK_SECONDS (default 300). Samples the
 * server's RSS from /proc every BENCH_SOAK_SAMPLE_SECONDS (default 5) and
 * prints requests, status classes, errors, latency per journey, throughput
 * and the memory slope after warm-up (BENCH_SOAK_WARMUP_SECONDS, default 60,
 * at most a third of the run). Exit code 1 if any error occurred (5xx, no
 * answer, or a status a journey did not expect); memory is a figure only.
 *
 *   npx tsx bench/soak.ts                          # PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432)
 *   BENCH_SOAK_ENGINE=pglite npx tsx bench/soak.ts # the embedded database in the server process
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { signInStaff } from '../server/test/testApp'
import { freePort, httpTestApp, startServerProcess, startSimulators, type ServerProcess, type Simulators } from '../server/test/support/serverProcess'
import type { TestDatabase } from '../server/test/testDatabase'
import { journeys, pickJourney, VirtualUser, type World } from './soak/journeys'
import { gcSamples, percentile, slopePerMinute, SoakStats, withoutGcLines, type GcSample } from './soak/stats'

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 300)
const USERS = Number(process.env.BENCH_SOAK_USERS ?? 12)
const SAMPLE_SECONDS = Number(process.env.BENCH_SOAK_SAMPLE_SECONDS ?? 5)
const WARMUP_SECONDS = Math.min(Number(process.env.BENCH_SOAK_WARMUP_SECONDS ?? 60), SECONDS / 3)
const ENGINE = (process.env.BENCH_SOAK_ENGINE ?? 'postgres') as 'postgres' | 'pglite'

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1])
  return kb / 1024
}

/** Seeded ids the journeys need, found through the API as a client would. */
async function findSeeded(url: string, sims: Simulators): Promise<Omit<World, 'url' | 'sims' | 'stats' | 'cases'>> {
  const t = httpTestApp(url, sims, { headers: { 'x-forwarded-for': '10.99.0.1' } })
  const staff = await signInStaff(t, 'scjg.window')
  const own = (await t.app.inject({ url: '/api/staff/matters?pageSize=50', headers: staff })).json().items as {
    id: string
    caseKind: string
    promisedLimitDays: number
    department: { id: string }
    flags: { appointment: boolean; onlineApplication: boolean }
  }[]
  const walkIn = own.find((m) => m.caseKind === 'promised' && m.promisedLimitDays > 0)
  const prereview = own.find((m) => m.flags.onlineApplication) ?? own[0]
  const all: { id: string; flags: { appointment: boolean } }[] = []
  for (let page = 1; ; page++) {
    const res = (await t.app.inject({ url: `/api/matters?page=${page}&pageSize=50` })).json()
    all.push(...res.items)
    if (res.items.length < 50) break
  }
  if (!walkIn || !prereview) throw new Error('the seeded city has no matter of scjg to register or pre-review')
  const bookable = all.filter((m) => m.flags.appointment).map((m) => m.id)
  if (bookable.length === 0) throw new Error('the seeded city has no matter supporting appointments')
  return { departmentId: walkIn.department.id, walkInMatterId: walkIn.id, prereviewMatterId: prereview.id, bookingMatterIds: bookable.slice(0, 8), guideMatterIds: all.map((m) => m.id) }
}

const ms = (x: number) => (Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0))
const mib = (x: number) => x.toFixed(1)

function report(stats: SoakStats, loadSeconds: number, interrupted: boolean, gc: GcSample[]): void {
  console.log(`## Soak: ${USERS} virtual users, ${loadSeconds.toFixed(0)} s of load on ${ENGINE === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'}${interrupted ? ' (INTERRUPTED)' : ''}`)
  let requests = 0
  console.log(`  ${'journey'.padEnd(50)} ${'runs'.padStart(6)} ${'failed'.padStart(6)} ${'requests'.padStart(8)}   p50 / p95 / p99 ms per request`)
  const names = [...Object.keys(journeys), 'sign-in (SMS)', 'profile & real name', 'staff sign-in']
  for (const name of names) {
    const j = stats.journeys.get(name)
    if (!j) continue
    requests += j.requests
    const sorted = [...j.latencies].sort((a, b) => a - b)
    console.log(
      `  ${name.padEnd(50)} ${String(j.runs).padStart(6)} ${String(j.failed).padStart(6)} ${String(j.requests).padStart(8)}   ` +
        `${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 95))} / ${ms(percentile(sorted, 99))}`,
    )
  }
  const s = stats.statuses
  console.log(`  answers: 2xx ${s['2xx']}, 3xx ${s['3xx']}, 4xx ${s['4xx']} (expected by the journey: ${stats.expected4xx}), 5xx ${s['5xx']}, no answer ${s.network}`)
  console.log(`  throughput: ${requests} requests in ${loadSeconds.toFixed(0)} s = ${(requests / loadSeconds).toFixed(1)} req/s`)
  if (stats.errors.size > 0) {
    console.log(`  errors (${stats.errorCount}, ${stats.errors.size} kinds; first few):`)
    for (const [kind, e] of [...stats.errors].slice(0, 8)) console.log(`    ${e.count}× ${kind}\n       e.g. ${e.example}`)
  }
  const mem = stats.memory
  if (mem.length > 0) {
    const after = mem.filter((x) => x.t >= WARMUP_SECONDS)
    const rss = mem.map((x) => x.rssMiB)
    const slope = slopePerMinute(after)
    console.log(
      `  server RSS (MiB): start ${mib(mem[0].rssMiB)}, after ${WARMUP_SECONDS.toFixed(0)} s warm-up ${after[0] ? mib(after[0].rssMiB) : '—'}, ` +
        `end ${mib(mem[mem.length - 1].rssMiB)}; min ${mib(Math.min(...rss))}, max ${mib(Math.max(...rss))}; ` +
        `slope after warm-up ${Number.isNaN(slope) ? '—' : slope.toFixed(2)} MiB/min (${after.length} samples every ${SAMPLE_SECONDS} s)`,
    )
    // Heap used after full collections is the live heap: a leak shows as a rising line.
    const full = gc.filter((x) => x.kind.startsWith('Mark-Compact') && x.t >= WARMUP_SECONDS).map((x) => ({ t: x.t, rssMiB: x.afterMiB }))
    const any = gc.filter((x) => x.t >= WARMUP_SECONDS)
    let heapSlope = NaN
    if (gc.length === 0) console.log('  server heap: no --trace-gc lines seen')
    else {
      const heap = full.length >= 2 ? full : any.map((x) => ({ t: x.t, rssMiB: x.afterMiB }))
      const h = heap.map((x) => x.rssMiB)
      heapSlope = slopePerMinute(heap)
      console.log(
        `  server V8 heap used after GC (MiB, --trace-gc): ${gc.length} collections, ${full.length} full after warm-up; ` +
          `${full.length >= 2 ? 'after full GCs' : 'after any GC'} after warm-up: first ${h.length ? mib(h[0]) : '—'}, last ${h.length ? mib(h[h.length - 1]) : '—'}, ` +
          `min ${h.length ? mib(Math.min(...h)) : '—'}, max ${h.length ? mib(Math.max(...h)) : '—'}, slope ${Number.isNaN(heapSlope) ? '—' : heapSlope.toFixed(2)} MiB/min`,
      )
    }
    const signed = (x: number) => (Number.isNaN(x) ? '—' : `${x >= 0 ? '+' : ''}${x.toFixed(2)}`)
    // RSS is a sawtooth (V8 grows the heap, then a full GC gives it back): over a few minutes its line
    // follows where the last teeth fall. The live heap (after full GCs) is what a leak raises, so the
    // verdict reads it when there are at least two; "flat" = under 1 MiB/min, a figure, not an assertion.
    const judged = Number.isNaN(heapSlope) || full.length < 2 ? slope : heapSlope
    const flat = !Number.isNaN(judged) && Math.abs(judged) < 1
    if (Number.isNaN(judged)) console.log('  memory: not enough samples after warm-up for a slope')
    else
      console.log(
        `  memory ${flat ? 'flat' : 'NOT flat'}: ${signed(judged)} MiB/min after warm-up (${full.length >= 2 && !Number.isNaN(heapSlope) ? 'live heap after full GCs' : 'RSS'}); ` +
          `RSS ${signed(slope)} MiB/min, heap after GC ${signed(heapSlope)} MiB/min`,
      )
  }
  console.log(`  errors: ${stats.errorCount}`)
}

async function main(): Promise<number> {
  const stats = new SoakStats()
  let sims: Simulators | null = null
  let server: ServerProcess | null = null
  let db: TestDatabase | null = null
  let interrupted = false
  const dataDir = await mkdtemp(join(tmpdir(), 'pyc-soak-'))
  let stopping = false
  const onSignal = () => {
    if (stopping) {
      // Second Ctrl+C: do not wait for journeys in flight.
      void server?.kill9().finally(() => process.exit(130))
      return
    }
    stopping = true
    interrupted = true
    console.log('\nstopping: finishing the journeys in flight, then cleaning up (Ctrl+C again to kill)')
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    sims = await startSimulators()
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const env: Record<string, string> = {
      ...sims.env(base),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // The load generator is the proxy in front: it sends each virtual client's address in X-Forwarded-For.
      TRUST_PROXY: 'loopback',
      FILE_URL_SECRET: 'soak-secret-soak-secret-soak-secret-0000',
      LOG_LEVEL: 'warn',
    }
    if (ENGINE === 'postgres') {
      const { openTestDatabase } = await import('../server/test/testDatabase')
      db = await openTestDatabase('postgres')
      env.DATABASE_URL = db.url!
    } else {
      env.SEED_DEMO = 'true'
    }
    const spawnedAt = performance.now()
    server = await startServerProcess(env, { timeoutMs: 180_000, nodeArgs: ['--trace-gc'] })
    const world: World = { url: server.url, sims, stats, cases: [], ...(await findSeeded(server.url, sims)) }
    const users = Array.from({ length: USERS }, (_, i) => new VirtualUser(world, i))
    for (const u of users) await u.start()
    console.log(`server pid ${server.pid} at ${server.url} (${ENGINE}); ${USERS} users for ${SECONDS} s`)

    const started = performance.now()
    const elapsed = () => (performance.now() - started) / 1000
    const pid = server.pid
    const sample = async () => stats.memory.push({ t: elapsed(), rssMiB: await rssMiB(pid) })
    // A server that dies ends the run: everything after would only be refused connections.
    server.child.once('exit', (code, signal) => {
      if (stopping) return
      stopping = true
      stats.error('server process exited during the load', `exit code ${code}, signal ${signal}`)
    })
    await sample()
    const sampler = setInterval(() => void sample().catch(() => undefined), SAMPLE_SECONDS * 1000)
    const progress = setInterval(() => {
      const last = stats.memory[stats.memory.length - 1]
      const requests = [...stats.journeys.values()].reduce((s, j) => s + j.requests, 0)
      console.log(`  ${elapsed().toFixed(0).padStart(4)} s  ${requests} requests, ${stats.errorCount} errors, RSS ${last ? mib(last.rssMiB) : '?'} MiB`)
    }, 30_000)
    await Promise.all(
      users.map(async (u) => {
        while (!stopping && elapsed() < SECONDS) {
          const name = pickJourney()
          await u.as(name, () => journeys[name].run(u, u.app(u.nextAddress()))).catch(() => undefined)
        }
      }),
    )
    const loadSeconds = elapsed()
    stopping = true // the server stopping from here on is the clean-up, not a crash
    clearInterval(sampler)
    clearInterval(progress)
    await sample().catch(() => undefined)
    report(stats, loadSeconds, interrupted, gcSamples(server.output(), started - spawnedAt))
    if (stats.errorCount > 0) {
      const log = withoutGcLines(server.output()).trim()
      console.log(`\nserver output (last 40 lines):\n${log.split('\n').slice(-40).join('\n') || '(nothing)'}`)
    }
    return interrupted ? 130 : stats.errorCount > 0 ? 1 : 0
  } finally {
    // Payment notifications still being retried reach the server before it stops.
    await Promise.race([sims?.pay.idle().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000).unref())])
    await server?.stop()
    await sims?.close()
    await db?.close()
    await rm(dataDir, { recursive: true, force: true })
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

process.exitCode = await main()
