/**
 * Pre-review uploads and signed file URLs, through real multipart bodies:
 * type by magic bytes, limits with nothing left behind, who may change which
 * material when, and links that only work for the file and time they were made for.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes, randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { once } from 'node:events'
import { connect } from 'node:net'
import { join } from 'node:path'
import type { PrereviewFile } from '../../types/prereviews'
import { FileUrlSigner } from '../src/services/files/fileUrlSigner'
import { JPEG, multipart } from './prereviewHelpers'
import { json, signInByPhone, startTestApp, type TestApp } from './testApp'

const SECRET = 'test-file-url-secret-0123456789abcdef'
const MAX_FILE = 64 * 1024
const MAX_TOTAL = 160 * 1024

let t: TestApp
let alice: { authorization: string; citizenId: string }
let bob: { authorization: string; citizenId: string }
let matterId: string
let departmentId: string
let slotA: string
let slotB: string
let staffId: string

const sql = (text: string, params: unknown[] = []) => t.db.database.pool.query(text, params)

before(async () => {
  t = await startTestApp({
    UPLOAD_MAX_FILE_BYTES: String(MAX_FILE),
    UPLOAD_MAX_PREREVIEW_BYTES: String(MAX_TOTAL),
    FILE_URL_SECRET: SECRET,
    FILE_URL_TTL_SECONDS: '600',
  })
  const citizen = async (phone: string) => {
    const { authorization } = await signInByPhone(t, phone)
    const { rows } = await sql(`SELECT id FROM citizens WHERE phone = $1`, [phone])
    return { authorization, citizenId: rows[0].id as string }
  }
  alice = await citizen('13800001111')
  bob = await citizen('13800002222')
  const { rows } = await sql(
    `SELECT m.id, m.department_id FROM matters m
     WHERE (SELECT count(*) FROM materials x WHERE x.matter_id = m.id) >= 2 ORDER BY m.key LIMIT 1`,
  )
  matterId = rows[0].id
  departmentId = rows[0].department_id
  const slots = await sql(`SELECT id FROM materials WHERE matter_id = $1 ORDER BY position`, [matterId])
  ;[slotA, slotB] = slots.rows.map((r) => r.id as string)
  staffId = (await sql(`SELECT id FROM staff ORDER BY username LIMIT 1`)).rows[0].id
})
after(() => t.close())

// ---- fixtures ----

const PNG = (size = 2048) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)])
const HEIC = (size = 2048) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic', 'latin1'), randomBytes(size - 12)])
const PDF = (size = 2048) => Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), randomBytes(size - 9)])
const EXE = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(2040)])
const ZIP = () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2044)])

const fileUrl = (prereviewId: string, slotKey: string) => `/api/prereviews/${prereviewId}/materials/${slotKey}/files`

function upload(who: { authorization: string }, prereviewId: string, slotKey: string, data: Buffer, o: { filename?: string; contentType?: string } = {}) {
  const { body, contentType } = multipart([
    { name: 'note', data: 'page' },
    { name: 'file', data, filename: o.filename ?? '../../etc/passwd', contentType: o.contentType ?? 'image/jpeg' },
  ])
  return t.app.inject({ method: 'POST', url: fileUrl(prereviewId, slotKey), headers: { ...who, 'content-type': contentType }, payload: body })
}

async function uploadOk(who: { authorization: string }, prereviewId: string, slotKey: string, data: Buffer): Promise<PrereviewFile> {
  const res = await upload(who, prereviewId, slotKey, data)
  assert.equal(res.statusCode, 201, res.body)
  return json(res)
}

/** Every regular file under the storage root, staging included. */
function storedFiles(): string[] {
  const root = t.db.storage.root
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
  } catch {
    return []
  }
}

async function fileRows(): Promise<number> {
  return Number((await sql(`SELECT count(*) AS n FROM prereview_files`)).rows[0].n)
}

/** Runs `fn` and checks that neither storage nor the database gained anything. */
async function leavesNothing<T>(fn: () => Promise<T>): Promise<T> {
  const [files, rows] = [storedFiles().length, await fileRows()]
  const result = await fn()
  assert.equal(storedFiles().length, files, 'no file left in storage')
  assert.equal(await fileRows(), rows, 'no row left in the database')
  return result
}

/** A pre-review of the test matter, inserted directly with one part. */
async function prereview(owner: { citizenId: string }, status = 'draft', round = 0): Promise<{ id: string; partId: string }> {
  const { rows } = await sql(
    `INSERT INTO prereviews (citizen_id, client_key, matter_id, status, round) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [owner.citizenId, randomUUID(), matterId, status, round],
  )
  const part = await sql(
    `INSERT INTO prereview_parts (prereview_id, matter_id, department_id, status, round) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [rows[0].id, matterId, departmentId, status === 'draft' ? 'waiting' : status === 'returned' ? 'returned' : 'pending', round],
  )
  return { id: rows[0].id, partId: part.rows[0].id }
}

// ---- tests ----

describe('accepted types, by content only', () => {
  test('JPEG, PNG, HEIC and PDF are recognised whatever the declared type and name', async () => {
    const p = await prereview(alice)
    const samples: [Buffer, string, string][] = [
      [JPEG(), 'application/octet-stream', 'image/jpeg'],
      [PNG(), 'image/jpeg', 'image/png'],
      [HEIC(), 'text/plain', 'image/heic'],
      [PDF(), 'image/png', 'application/pdf'],
    ]
    const uploaded: PrereviewFile[] = []
    for (const [data, declared, expected] of samples) {
      const res = await upload(alice, p.id, slotA, data, { contentType: declared, filename: '../../etc/passwd' })
      assert.equal(res.statusCode, 201, res.body)
      const file = json<PrereviewFile>(res)
      assert.equal(file.mimeType, expected)
      assert.equal(file.bytes, data.length)
      assert.equal(file.round, 1, 'attached for the first submission')
      assert.match(file.url, new RegExp(`^/api/files/${file.id}\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}$`))
      uploaded.push(file)
    }
    const rows = await sql(`SELECT position, sha256 FROM prereview_files WHERE prereview_id = $1 ORDER BY position`, [p.id])
    assert.deepEqual(rows.rows.map((r) => r.position), [1, 2, 3, 4], 'pages in upload order')
    // Stored under their hash only: the client's name is never a path.
    for (const path of storedFiles()) assert.ok(!/passwd|etc/.test(path), path)
    for (const r of rows.rows) assert.ok(storedFiles().some((f) => f.endsWith(r.sha256)))
    // The bytes come back intact through the signed URL.
    const back = await t.app.inject({ url: uploaded[3].url })
    assert.equal(back.statusCode, 200)
    assert.deepEqual(back.rawPayload, samples[3][0])
  })

  test('an EXE or a ZIP renamed .jpg is refused (415) and leaves nothing', async () => {
    const p = await prereview(alice)
    for (const data of [EXE(), ZIP(), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')]) {
      const res = await leavesNothing(() => upload(alice, p.id, slotA, data, { filename: 'photo.jpg', contentType: 'image/jpeg' }))
      assert.equal(res.statusCode, 415)
      assert.match(json(res).message, /JPG、PNG、HEIC 图片或 PDF/)
    }
  })

  test('an empty file is refused (400)', async () => {
    const p = await prereview(alice)
    const res = await leavesNothing(() => upload(alice, p.id, slotA, Buffer.alloc(0)))
    assert.equal(res.statusCode, 400)
    assert.match(json(res).message, /文件是空的/)
  })

  test('a request without a file, or with the file in another field, is refused (400)', async () => {
    const p = await prereview(alice)
    const onlyField = multipart([{ name: 'note', data: 'x' }])
    const a = await t.app.inject({ method: 'POST', url: fileUrl(p.id, slotA), headers: { ...alice, 'content-type': onlyField.contentType }, payload: onlyField.body })
    assert.equal(a.statusCode, 400, a.body)
    const wrongField = multipart([{ name: 'upload', data: JPEG(), filename: 'a.jpg', contentType: 'image/jpeg' }])
    const b = await t.app.inject({ method: 'POST', url: fileUrl(p.id, slotA), headers: { ...alice, 'content-type': wrongField.contentType }, payload: wrongField.body })
    assert.equal(b.statusCode, 400, b.body)
    const notMultipart = await t.app.inject({ method: 'POST', url: fileUrl(p.id, slotA), headers: alice, payload: { file: 'x' } })
    assert.equal(notMultipart.statusCode, 400, notMultipart.body)
  })
})

describe('size limits', () => {
  test('a file over the per-file limit is refused (413) with the limit, and nothing is stored', async () => {
    const p = await prereview(alice)
    const res = await leavesNothing(() => upload(alice, p.id, slotA, JPEG(MAX_FILE + 1)))
    assert.equal(res.statusCode, 413)
    assert.match(json(res).message, /单个文件不能超过 64 KB/)
    // Exactly at the limit is fine.
    await uploadOk(alice, p.id, slotA, JPEG(MAX_FILE))
  })

  test('the per-pre-review total counts current pages only, and is enforced while streaming', async () => {
    const p = await prereview(alice)
    await uploadOk(alice, p.id, slotA, JPEG(60 * 1024))
    await uploadOk(alice, p.id, slotB, PNG(60 * 1024))
    // 120 KB used of 160 KB: a 50 KB file (under the per-file limit) no longer fits.
    const over = await leavesNothing(() => upload(alice, p.id, slotA, JPEG(50 * 1024)))
    assert.equal(over.statusCode, 413, over.body)
    assert.match(json(over).message, /材料总大小不能超过 160 KB/)
    await uploadOk(alice, p.id, slotA, JPEG(40 * 1024)) // exactly 160 KB now
    const full = await leavesNothing(() => upload(alice, p.id, slotA, JPEG(1024)))
    assert.equal(full.statusCode, 413)
    // Pages replaced in a correction no longer count.
    await sql(`UPDATE prereview_files SET replaced_at = now() WHERE prereview_id = $1 AND slot_key = $2`, [p.id, slotB])
    await uploadOk(alice, p.id, slotA, JPEG(50 * 1024))
  })

  test('a body cut off inside the file is refused (400) and leaves no partial file', async () => {
    const p = await prereview(alice)
    const { body, contentType } = multipart([{ name: 'file', data: JPEG(32 * 1024), filename: 'a.jpg', contentType: 'image/jpeg' }])
    const cut = body.subarray(0, body.length - 10 * 1024)
    const res = await leavesNothing(() =>
      t.app.inject({ method: 'POST', url: fileUrl(p.id, slotA), headers: { ...alice, 'content-type': contentType }, payload: cut }),
    )
    assert.equal(res.statusCode, 400, res.body)
    assert.match(json(res).message, /上传中断|不完整/)
    assert.equal(storedFiles().filter((f) => f.includes('.staging')).length, 0, 'no staged leftovers')
  })
})

describe('a connection dropped mid-upload', () => {
  test('leaves no staged bytes and no row', async () => {
    const p = await prereview(alice)
    const [files, rows] = [storedFiles().length, await fileRows()]
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 })
    const { body, contentType } = multipart([{ name: 'file', data: JPEG(48 * 1024), filename: 'a.jpg', contentType: 'image/jpeg' }])
    const { hostname, port } = new URL(base)
    const socket = connect(Number(port), hostname)
    await once(socket, 'connect')
    socket.write(
      `POST ${fileUrl(p.id, slotA)} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: ${alice.authorization}\r\n` +
        `Content-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`,
    )
    socket.write(body.subarray(0, 20 * 1024))
    // Let the server open the staging file, then hang up in the middle of the file.
    const deadline = Date.now() + 5000
    while (!storedFiles().some((f) => f.includes('.staging')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    assert.ok(storedFiles().some((f) => f.includes('.staging')), 'the upload was being staged')
    socket.destroy()
    while (storedFiles().length !== files && Date.now() < deadline + 5000) await new Promise((r) => setTimeout(r, 20))
    assert.equal(storedFiles().length, files, 'the staged part is removed')
    assert.equal(await fileRows(), rows)
  })
})

describe('who may change which material when', () => {
  test("another citizen's pre-review answers 404 like an unknown one", async () => {
    const p = await prereview(alice)
    const other = await leavesNothing(() => upload(bob, p.id, slotA, JPEG()))
    const unknown = await upload(bob, randomUUID(), slotA, JPEG())
    assert.equal(other.statusCode, 404)
    assert.equal(unknown.statusCode, 404)
    assert.equal(json(other).message, json(unknown).message)
    const anonymous = await t.app.inject({ method: 'POST', url: fileUrl(p.id, slotA), payload: {} })
    assert.equal(anonymous.statusCode, 401)
  })

  test('a material the pre-review does not ask for answers 404', async () => {
    const p = await prereview(alice)
    const foreign = (await sql(`SELECT id FROM materials WHERE matter_id <> $1 LIMIT 1`, [matterId])).rows[0].id
    for (const slot of [foreign, randomUUID()]) {
      const res = await upload(alice, p.id, slot, JPEG())
      assert.equal(res.statusCode, 404)
      assert.match(json(res).message, /没有这项材料/)
    }
  })

  test('in a bundle a material several services ask for has one slot: the first occurrence', async () => {
    const { rows } = await sql(
      `SELECT b.id AS bundle_id, x.name FROM bundles b JOIN bundle_members m ON m.bundle_id = b.id JOIN materials x ON x.matter_id = m.matter_id
       GROUP BY b.id, x.name HAVING count(*) > 1 ORDER BY b.id LIMIT 1`,
    )
    assert.ok(rows[0], 'the demo city seeds a bundle whose members share a material')
    const { bundle_id: bundleId, name } = rows[0]
    const occurrences = await sql(
      `SELECT x.id FROM bundle_members m JOIN materials x ON x.matter_id = m.matter_id
       WHERE m.bundle_id = $1 AND x.name = $2 ORDER BY m.position`,
      [bundleId, name],
    )
    const [first, second] = occurrences.rows.map((r) => r.id as string)
    const p = await sql(
      `INSERT INTO prereviews (citizen_id, client_key, bundle_id, status) VALUES ($1, $2, $3, 'draft') RETURNING id`,
      [alice.citizenId, randomUUID(), bundleId],
    )
    const id = p.rows[0].id as string
    await uploadOk(alice, id, first, JPEG())
    const duplicate = await upload(alice, id, second, JPEG())
    assert.equal(duplicate.statusCode, 404, 'the second occurrence is not a slot of its own')
  })

  test('a submitted pre-review cannot be changed while under review (409)', async () => {
    const p = await prereview(alice, 'submitted', 1)
    const res = await leavesNothing(() => upload(alice, p.id, slotA, JPEG()))
    assert.equal(res.statusCode, 409)
    assert.match(json(res).message, /预审已提交，审核期间不能修改材料/)
    for (const status of ['passed', 'refused', 'withdrawn']) {
      const closed = await prereview(alice, status, 1)
      assert.equal((await upload(alice, closed.id, slotA, JPEG())).statusCode, 409)
    }
  })

  test('in a correction only the materials returned in the latest round may be changed', async () => {
    const p = await prereview(alice, 'returned', 2)
    // Returned in round 1 (an older round), then in round 2 only slot B.
    await sql(`INSERT INTO prereview_verdicts (part_id, slot_key, round, verdict, reason, staff_id) VALUES ($1, $2, 1, 'return', '模糊', $3)`, [p.partId, slotA, staffId])
    await sql(`INSERT INTO prereview_verdicts (part_id, slot_key, round, verdict, reason, staff_id) VALUES ($1, $2, 2, 'pass', '', $3)`, [p.partId, slotA, staffId])
    await sql(`INSERT INTO prereview_verdicts (part_id, slot_key, round, verdict, reason, staff_id) VALUES ($1, $2, 2, 'return', '缺页', $3)`, [p.partId, slotB, staffId])
    const notReturned = await leavesNothing(() => upload(alice, p.id, slotA, JPEG()))
    assert.equal(notReturned.statusCode, 409)
    assert.match(json(notReturned).message, /没有被退回/)
    const file = await uploadOk(alice, p.id, slotB, JPEG())
    assert.equal(file.round, 3, 'attached for the next submission')
  })
})

describe('deleting pages', () => {
  test('a page attached since the last submission can be deleted; only by its owner', async () => {
    const p = await prereview(alice)
    const file = await uploadOk(alice, p.id, slotA, JPEG())
    const byBob = await t.app.inject({ method: 'DELETE', url: `/api/prereviews/${p.id}/files/${file.id}`, headers: bob })
    assert.equal(byBob.statusCode, 404)
    const res = await t.app.inject({ method: 'DELETE', url: `/api/prereviews/${p.id}/files/${file.id}`, headers: alice })
    assert.equal(res.statusCode, 204, res.body)
    assert.equal((await sql(`SELECT 1 FROM prereview_files WHERE id = $1`, [file.id])).rowCount, 0)
    const again = await t.app.inject({ method: 'DELETE', url: `/api/prereviews/${p.id}/files/${file.id}`, headers: alice })
    assert.equal(again.statusCode, 404)
    // A file of another pre-review cannot be deleted through this one.
    const q = await prereview(alice)
    const other = await uploadOk(alice, q.id, slotA, JPEG())
    const crossed = await t.app.inject({ method: 'DELETE', url: `/api/prereviews/${p.id}/files/${other.id}`, headers: alice })
    assert.equal(crossed.statusCode, 404)
  })

  test('submitted pages are history: 409, also during a correction; new correction pages can go', async () => {
    const p = await prereview(alice)
    const submitted = await uploadOk(alice, p.id, slotB, JPEG())
    await sql(`UPDATE prereviews SET status = 'returned', round = 1 WHERE id = $1`, [p.id])
    await sql(`INSERT INTO prereview_verdicts (part_id, slot_key, round, verdict, reason, staff_id) VALUES ($1, $2, 1, 'return', '缺页', $3)`, [p.partId, slotB, staffId])
    const history = await t.app.inject({ method: 'DELETE', url: `/api/prereviews/${p.id}/files/${submitted.id}`, headers: alice })
    assert.equal(history.statusCode, 409)
    assert.match(json(history).message, /已随预审提交/)
    const correction = await uploadOk(alice, p.id, slotB, PNG())
    assert.equal(correction.round, 2)
    const gone = await t.app.inject({ method: 'DELETE', url: `/api/prereviews/${p.id}/files/${correction.id}`, headers: alice })
    assert.equal(gone.statusCode, 204)
    // Once resubmitted, even the correction's pages are history.
    const again = await uploadOk(alice, p.id, slotB, PNG())
    await sql(`UPDATE prereviews SET status = 'submitted', round = 2 WHERE id = $1`, [p.id])
    const locked = await t.app.inject({ method: 'DELETE', url: `/api/prereviews/${p.id}/files/${again.id}`, headers: alice })
    assert.equal(locked.statusCode, 409)
  })
})

describe('signed file URLs', () => {
  let file: PrereviewFile
  let pdf: PrereviewFile
  let data: Buffer
  before(async () => {
    const p = await prereview(alice)
    data = JPEG(4096)
    file = await uploadOk(alice, p.id, slotA, data)
    pdf = await uploadOk(alice, p.id, slotA, PDF())
  })

  test('a fresh URL serves the bytes without any header, with safe response headers', async () => {
    const res = await t.app.inject({ url: file.url })
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.rawPayload, data)
    assert.equal(res.headers['content-type'], 'image/jpeg')
    assert.equal(res.headers['x-content-type-options'], 'nosniff')
    assert.match(String(res.headers['content-disposition']), /^inline/)
    assert.match(String(res.headers['cache-control']), /^private, max-age=(\d+)$/)
    const maxAge = Number(/max-age=(\d+)/.exec(String(res.headers['cache-control']))![1])
    assert.ok(maxAge > 590 && maxAge <= 600, `max-age ${maxAge}`)
    assert.match(String(res.headers['content-security-policy']), /default-src 'none'/)
    const asPdf = await t.app.inject({ url: pdf.url })
    assert.equal(asPdf.headers['content-type'], 'application/pdf')
    assert.match(String(asPdf.headers['content-security-policy']), /default-src 'none'.*form-action 'none'/)
    assert.ok(Date.parse(file.urlExpiresAt) - Date.now() > 590_000)
  })

  test('an expired URL answers 403 with a way out', async () => {
    const signer = new FileUrlSigner(SECRET, 600)
    const old = signer.sign(file.id, new Date(Date.now() - 601_000))
    const res = await t.app.inject({ url: old.url })
    assert.equal(res.statusCode, 403)
    assert.equal(json(res).message, '链接已过期，请刷新页面后重试')
  })

  test('a tampered signature, a moved expiry or another file id answers 403', async () => {
    const u = new URL(file.url, 'http://x')
    const signature = u.searchParams.get('signature')!
    const expires = Number(u.searchParams.get('expires'))
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1)
    const attempts = [
      `/api/files/${file.id}?expires=${expires}&signature=${flipped}`,
      `/api/files/${file.id}?expires=${expires + 3600}&signature=${signature}`,
      `/api/files/${pdf.id}?expires=${expires}&signature=${signature}`,
      `/api/files/${randomUUID()}?expires=${expires}&signature=${signature}`,
    ]
    for (const url of attempts) {
      const res = await t.app.inject({ url })
      assert.equal(res.statusCode, 403, url)
      assert.equal(json(res).message, '链接无效')
    }
    // A URL signed with another key (another deployment, or a guess) is no better.
    const foreign = new FileUrlSigner('another-secret-another-secret-0000', 600).sign(file.id)
    assert.equal((await t.app.inject({ url: foreign.url })).statusCode, 403)
    const missing = await t.app.inject({ url: `/api/files/${file.id}` })
    assert.equal(missing.statusCode, 400)
  })

  test('a deleted file answers 404 even with a valid URL', async () => {
    const p = await prereview(alice)
    const f = await uploadOk(alice, p.id, slotA, JPEG())
    await t.app.inject({ method: 'DELETE', url: `/api/prereviews/${p.id}/files/${f.id}`, headers: alice })
    assert.equal((await t.app.inject({ url: f.url })).statusCode, 404)
  })
})
