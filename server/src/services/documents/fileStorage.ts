import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * Bytes streamed into storage but not yet visible under their hash: the caller
 * checks them (size, type, quota) and then commits or discards. Until commit
 * nothing is stored under a real name, so a rejected upload leaves no file.
 */
export interface StagedFile {
  sha256: string
  bytes: number
  /** The first bytes, for magic-number checks. */
  head: Buffer
  /** Makes the bytes readable under their hash (idempotent for equal content). */
  commit(): Promise<void>
  /** Removes the staged bytes; safe to call more than once, and after commit (then a no-op). */
  discard(): Promise<void>
}

/**
 * Where file bytes live, by their SHA-256. Local disk now; an S3-compatible
 * store later implements the same interface, keeping instances stateless.
 */
export interface FileStorage {
  put(bytes: Buffer): Promise<{ sha256: string; bytes: number }>
  open(sha256: string): Promise<Readable | null>
  /** Streams `source` to a temporary place, hashing as it goes. Rejects (leaving nothing) if the source fails. */
  stage(source: Readable, options?: { headBytes?: number }): Promise<StagedFile>
}

const STAGING_DIR = '.staging'

/**
 * Flushes a file's bytes, or a folder's entries (a rename), to the disk. The
 * row that names a file commits after the file is in place; without these a
 * power loss could keep the row and lose the bytes (the rename or the data
 * still in the page cache). A process crash alone loses nothing either way.
 */
async function flushToDisk(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export class LocalFileStorage implements FileStorage {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256')
    return join(this.root, sha256.slice(0, 2), sha256)
  }

  async put(bytes: Buffer) {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const path = this.pathOf(sha256)
    const exists = await stat(path).then(() => true, () => false)
    if (!exists) {
      await mkdir(dirname(path), { recursive: true })
      // Write under a temporary name and rename, so a crash never leaves a partial file under the real name.
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`
      try {
        await writeFile(temp, bytes)
        await flushToDisk(temp)
        await rename(temp, path)
        await flushToDisk(dirname(path))
      } finally {
        await unlink(temp).catch(() => {})
      }
    }
    return { sha256, bytes: bytes.length }
  }

  async stage(source: Readable, options: { headBytes?: number } = {}): Promise<StagedFile> {
    const headBytes = options.headBytes ?? 16
    const stagingDir = join(this.root, STAGING_DIR)
    await mkdir(stagingDir, { recursive: true })
    // Same file system as the final place, so commit is an atomic rename.
    const temp = join(stagingDir, `${randomBytes(12).toString('hex')}.tmp`)
    const hash = createHash('sha256')
    const headChunks: Buffer[] = []
    let headLength = 0
    let bytes = 0
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk)
        bytes += chunk.length
        if (headLength < headBytes) {
          headChunks.push(chunk.subarray(0, headBytes - headLength))
          headLength += Math.min(chunk.length, headBytes - headLength)
        }
        done(null, chunk)
      },
    })
    try {
      await pipeline(source, meter, createWriteStream(temp, { flags: 'wx' }))
      await flushToDisk(temp)
    } catch (error) {
      await unlink(temp).catch(() => {})
      throw error
    }
    const sha256 = hash.digest('hex')
    let settled = false
    return {
      sha256,
      bytes,
      head: Buffer.concat(headChunks),
      commit: async () => {
        if (settled) return
        const path = this.pathOf(sha256)
        if (await stat(path).then(() => true, () => false)) {
          await unlink(temp).catch(() => {})
        } else {
          await mkdir(dirname(path), { recursive: true })
          await rename(temp, path)
          await flushToDisk(dirname(path))
        }
        settled = true
      },
      discard: async () => {
        if (settled) return
        await unlink(temp).catch(() => {})
        settled = true
      },
    }
  }

  /** Removes staged bytes older than `before`: uploads cut short by a crash never reached commit or discard. */
  async removeStaleStaging(before: Date): Promise<number> {
    const dir = join(this.root, STAGING_DIR)
    const names = await readdir(dir).catch(() => [] as string[])
    let removed = 0
    for (const name of names) {
      const path = join(dir, name)
      const info = await stat(path).catch(() => null)
      if (info && info.mtime < before && (await unlink(path).then(() => true, () => false))) removed++
    }
    return removed
  }

  async open(sha256: string) {
    const path = this.pathOf(sha256)
    return (await stat(path).then(() => true, () => false)) ? createReadStream(path) : null
  }
}
