import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Readable } from 'node:stream'

/**
 * Where file bytes live, by their SHA-256. Local disk now; an S3-compatible
 * store later implements the same interface, keeping instances stateless.
 */
export interface FileStorage {
  put(bytes: Buffer): Promise<{ sha256: string; bytes: number }>
  open(sha256: string): Promise<Readable | null>
}

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

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
        await rename(temp, path)
      } finally {
        await unlink(temp).catch(() => {})
      }
    }
    return { sha256, bytes: bytes.length }
  }

  async open(sha256: string) {
    const path = this.pathOf(sha256)
    return (await stat(path).then(() => true, () => false)) ? createReadStream(path) : null
  }
}
