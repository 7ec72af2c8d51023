import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { LocalFileStorage } from './fileStorage'

function withStorage(fn: (storage: LocalFileStorage, files: () => string[]) => Promise<void>) {
  return async () => {
    const root = mkdtempSync(join(tmpdir(), 'pyc-storage-'))
    const files = () =>
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name).slice(root.length + 1))
    try {
      await fn(new LocalFileStorage(root), files)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  }
}

const chunks = (...parts: Buffer[]) => Readable.from(parts)

test(
  'a staged stream is hashed and measured, and visible under its hash only after commit',
  withStorage(async (storage, files) => {
    const a = randomBytes(70_000)
    const b = randomBytes(50_000)
    const sha256 = createHash('sha256').update(a).update(b).digest('hex')
    const staged = await storage.stage(chunks(a.subarray(0, 5), a.subarray(5), b), { headBytes: 12 })
    assert.equal(staged.sha256, sha256)
    assert.equal(staged.bytes, 120_000)
    assert.deepEqual(staged.head, a.subarray(0, 12), 'the head spans chunk boundaries')
    assert.equal(await storage.open(sha256), null, 'not visible before commit')
    await staged.commit()
    assert.deepEqual(files(), [join(sha256.slice(0, 2), sha256)], 'only the final file, under its hash')
    const stream = await storage.open(sha256)
    assert.ok(stream)
    const back: Buffer[] = []
    for await (const chunk of stream) back.push(chunk as Buffer)
    assert.deepEqual(Buffer.concat(back), Buffer.concat([a, b]))
  }),
)

test(
  'discard and a failing source leave nothing behind',
  withStorage(async (storage, files) => {
    const staged = await storage.stage(chunks(randomBytes(10_000)))
    await staged.discard()
    await staged.discard()
    assert.deepEqual(files(), [])
    const failing = new Readable({
      read() {
        this.push(randomBytes(4096))
        this.destroy(new Error('connection reset'))
      },
    })
    await assert.rejects(storage.stage(failing), /connection reset/)
    assert.deepEqual(files(), [])
  }),
)

test(
  'committing bytes that are already stored keeps one copy',
  withStorage(async (storage, files) => {
    const data = Buffer.from('same bytes twice')
    for (let i = 0; i < 2; i++) await (await storage.stage(chunks(data))).commit()
    assert.equal(files().length, 1)
    assert.equal(await text((await storage.open(createHash('sha256').update(data).digest('hex')))!), 'same bytes twice')
  }),
)

test(
  'staged bytes abandoned by a crash are swept after a while, fresh ones are kept',
  withStorage(async (storage, files) => {
    await storage.stage(chunks(randomBytes(1000))) // never committed nor discarded
    assert.equal(await storage.removeStaleStaging(new Date(Date.now() - 3_600_000)), 0)
    assert.equal(files().length, 1)
    assert.equal(await storage.removeStaleStaging(new Date(Date.now() + 1000)), 1)
    assert.deepEqual(files(), [])
  }),
)
