/**
 * Pre-review upload throughput (issue 4): 20 concurrent 5 MB files through the
 * real HTTP server on loopback (multipart parsing, hashing, staging, the quota
 * transaction, commit), as a ratio to writing the same bytes straight to disk
 * with the same concurrency, both in this run on this machine.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, request } from 'node:http'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { signInByPhone, startTestApp } from '../server/test/testApp'

const FILES = 20
const FILE_BYTES = 5 * 1024 * 1024
const ROUNDS = Number(process.env.BENCH_UPLOAD_ROUNDS ?? 3)

function multipartBody(data: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----bench${randomBytes(8).toString('hex')}`
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`
  return {
    body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

function post(url: string, authorization: string, body: Buffer, contentType: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { authorization, 'content-type': contentType, 'content-length': body.length },
    })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** The transport alone: a bare node:http server piping each raw body to a file. */
async function bareHttpToDisk(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  let n = 0
  const server = createServer((req, res) => {
    pipeline(req, createWriteStream(join(dir, `bare-${n++}`))).then(
      () => res.writeHead(201).end(),
      () => res.writeHead(500).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

const mbps = (bytes: number, ms: number) => bytes / (1024 * 1024) / (ms / 1000)

export async function measureUploadThroughput(): Promise<void> {
  const t = await startTestApp({ UPLOAD_MAX_PREREVIEW_BYTES: String(1024 * 1024 * 1024), FILE_URL_SECRET: 'bench-secret-bench-secret-bench-secret' })
  const scratch = await mkdtemp(join(tmpdir(), 'pyc-bench-disk-'))
  const bare = await bareHttpToDisk(scratch)
  try {
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 })
    const phone = '13700009999'
    const { authorization } = await signInByPhone(t, phone)
    const pool = t.db.database.pool
    const citizenId = (await pool.query(`SELECT id FROM citizens WHERE phone = $1`, [phone])).rows[0].id
    const matter = (await pool.query(`SELECT m.id, m.department_id FROM matters m JOIN materials x ON x.matter_id = m.id ORDER BY m.key LIMIT 1`)).rows[0]
    const slotKey = (await pool.query(`SELECT id FROM materials WHERE matter_id = $1 ORDER BY position LIMIT 1`, [matter.id])).rows[0].id
    // One draft per concurrent upload, as 20 citizens would have.
    const prereviewIds: string[] = []
    for (let i = 0; i < FILES; i++) {
      const { rows } = await pool.query(
        `INSERT INTO prereviews (citizen_id, client_key, matter_id, status) VALUES ($1, $2, $3, 'draft') RETURNING id`,
        [citizenId, randomUUID(), matter.id],
      )
      prereviewIds.push(rows[0].id)
    }

    const uploadMs: number[] = []
    const diskMs: number[] = []
    const bareMs: number[] = []
    // CPU of this process (client and server), which a busy machine disturbs less than wall time.
    const uploadCpuMs: number[] = []
    const bareCpuMs: number[] = []
    for (let round = 0; round < ROUNDS + 1; round++) {
      // Distinct bytes every round: content addressing must not turn a write into a no-op.
      const files = Array.from({ length: FILES }, () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(FILE_BYTES - 4)]))
      const bodies = files.map(multipartBody)

      let cpu = process.cpuUsage()
      let started = performance.now()
      const statuses = await Promise.all(
        bodies.map((b, i) => post(`${base}/api/prereviews/${prereviewIds[i]}/materials/${slotKey}/files`, authorization, b.body, b.contentType)),
      )
      const upload = performance.now() - started
      const uploadCpu = cpuMs(cpu)
      if (statuses.some((s) => s !== 201)) throw new Error(`upload statuses ${statuses.join(',')}`)

      started = performance.now()
      await Promise.all(files.map((data, i) => writeFile(join(scratch, `r${round}-${i}`), data)))
      const disk = performance.now() - started

      cpu = process.cpuUsage()
      started = performance.now()
      const bareStatuses = await Promise.all(bodies.map((b) => post(bare.url, authorization, b.body, b.contentType)))
      const bareHttp = performance.now() - started
      const bareCpu = cpuMs(cpu)
      if (bareStatuses.some((s) => s !== 201)) throw new Error(`bare statuses ${bareStatuses.join(',')}`)

      if (round > 0) {
        // Round 0 warms up every path.
        uploadMs.push(upload)
        diskMs.push(disk)
        bareMs.push(bareHttp)
        uploadCpuMs.push(uploadCpu)
        bareCpuMs.push(bareCpu)
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const total = FILES * FILE_BYTES
    const up = mbps(total, median(uploadMs))
    const down = mbps(total, median(diskMs))
    console.log(`## Upload throughput: ${FILES} concurrent ${FILE_BYTES / 1024 / 1024} MB files (median of ${ROUNDS} rounds)`)
    const transport = mbps(total, median(bareMs))
    console.log(`  straight to disk (fs.writeFile)         ${down.toFixed(0).padStart(6)} MB/s  ${median(diskMs).toFixed(0)} ms`)
    console.log(`  raw POST piped to disk (bare node:http) ${transport.toFixed(0).padStart(6)} MB/s  ${median(bareMs).toFixed(0)} ms  CPU ${median(bareCpuMs).toFixed(0)} ms`)
    console.log(`  POST multipart through the API (HTTP)   ${up.toFixed(0).padStart(6)} MB/s  ${median(uploadMs).toFixed(0)} ms  CPU ${median(uploadCpuMs).toFixed(0)} ms`)
    console.log(`  ratio API / disk ${(up / down).toFixed(3)}; API / bare HTTP ${(up / transport).toFixed(3)}`)
  } finally {
    await bare.close()
    await rm(scratch, { recursive: true, force: true })
    await t.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await measureUploadThroughput()
