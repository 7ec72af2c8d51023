import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export type SignatureCheck = 'ok' | 'expired' | 'invalid'

/**
 * Short-lived links to stored files (`/api/files/<id>?expires=&signature=`),
 * usable without an Authorization header (img src, downloads). Whoever holds
 * a fresh link may read the file, so a link is minted only for a caller who
 * may see it; the lifetime bounds the damage of a leaked one.
 *
 * The signature is HMAC-SHA256 over "<fileId>.<expires>" in base64url (43
 * characters). The server passes FILE_URL_SECRET or the key kept in the
 * database (fileUrlKey.ts), the same on every instance and across restarts.
 * An empty secret (tests building the app directly) makes a random key for
 * this process only: its links die with it and fail on any other instance.
 */
export class FileUrlSigner {
  private readonly key: Buffer
  /** True when the key was generated for this process only. */
  readonly ephemeral: boolean

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.ephemeral = secret === ''
    this.key = this.ephemeral ? randomBytes(32) : Buffer.from(secret, 'utf8')
  }

  sign(fileId: string, now: Date = new Date()): { url: string; expiresAt: Date } {
    const expires = Math.floor(now.getTime() / 1000) + this.ttlSeconds
    const signature = this.signatureOf(fileId, expires)
    return { url: `/api/files/${fileId}?expires=${expires}&signature=${signature}`, expiresAt: new Date(expires * 1000) }
  }

  /** Checks the signature before the expiry, so a forged link never learns whether it would have been fresh. */
  verify(fileId: string, expires: number, signature: string, now: Date = new Date()): SignatureCheck {
    const expected = Buffer.from(this.signatureOf(fileId, expires), 'utf8')
    const given = Buffer.from(signature, 'utf8')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
    return expires * 1000 <= now.getTime() ? 'expired' : 'ok'
  }

  private signatureOf(fileId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${fileId.toLowerCase()}.${expires}`).digest('base64url')
  }
}
