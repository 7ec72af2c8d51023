import { createHash, randomInt } from 'node:crypto'
import { and, count, desc, eq, gt, isNull, min, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { smsCodes } from '../../db/schema'
import type { SmsSender } from '../../integrations/sms/smsSender'
import { HttpError, badRequest, tooMany, unavailable } from '../../errors'
import { RateLimited, rateLimited } from '../limits/rateLimited'

export interface SmsLoginSettings {
  codeTtlSeconds: number
  resendSeconds: number
  dailyLimitPerPhone: number
  hourlyLimitPerClient: number
  maxAttempts: number
  templateCode: string
}

const hashCode = (codeId: string, code: string) => createHash('sha256').update(`${codeId}:${code}`).digest('hex')

/**
 * Phone + SMS code sign-in. Every limit is counted in the database, so it
 * holds across API instances; a per-phone advisory lock makes the checks and
 * the insert one step under concurrency.
 */
export class SmsLogin {
  constructor(
    private readonly db: Db,
    private readonly sender: SmsSender | null,
    private readonly settings: SmsLoginSettings,
  ) {}

  async sendCode(phone: string, clientKey: string): Promise<{ expiresInSeconds: number; resendAfterSeconds: number }> {
    if (!this.sender) throw unavailable('短信服务暂未开通，请使用其他方式登录')
    const s = this.settings
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const row = await this.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'sms:' + phone}))`)
      const now = Date.now()
      const [latest] = await tx
        .select({ createdAt: smsCodes.createdAt })
        .from(smsCodes)
        .where(eq(smsCodes.phone, phone))
        .orderBy(desc(smsCodes.createdAt))
        .limit(1)
      if (latest) {
        const wait = Math.ceil(s.resendSeconds - (now - latest.createdAt.getTime()) / 1000)
        if (wait > 0) throw rateLimited('验证码发送太频繁', wait, 'phone')
      }
      // Sliding windows: the wait lasts until the oldest code in the window leaves it.
      const secondsUntil = (oldest: Date | null, windowMs: number) => ((oldest?.getTime() ?? now) + windowMs - now) / 1000
      const [perPhone] = await tx
        .select({ n: count(), oldest: min(smsCodes.createdAt) })
        .from(smsCodes)
        .where(and(eq(smsCodes.phone, phone), gt(smsCodes.createdAt, new Date(now - 86_400_000))))
      if (perPhone.n >= s.dailyLimitPerPhone) {
        throw new RateLimited('该手机号今日获取验证码次数已达上限，请明天再试', Math.ceil(secondsUntil(perPhone.oldest, 86_400_000)), 'phone')
      }
      const [perClient] = await tx
        .select({ n: count(), oldest: min(smsCodes.createdAt) })
        .from(smsCodes)
        .where(and(eq(smsCodes.clientKey, clientKey), gt(smsCodes.createdAt, new Date(now - 3_600_000))))
      if (perClient.n >= s.hourlyLimitPerClient) throw rateLimited('获取验证码过于频繁', secondsUntil(perClient.oldest, 3_600_000))

      const [inserted] = await tx
        .insert(smsCodes)
        .values({ phone, clientKey, codeHash: '', expiresAt: new Date(now + s.codeTtlSeconds * 1000) })
        .returning({ id: smsCodes.id })
      await tx.update(smsCodes).set({ codeHash: hashCode(inserted.id, code) }).where(eq(smsCodes.id, inserted.id))
      return inserted
    })
    try {
      await this.sender.send({ phone, templateCode: s.templateCode, params: { code } })
    } catch {
      // Not sent: forget it, so it neither counts against the citizen nor can be guessed.
      await this.db.delete(smsCodes).where(eq(smsCodes.id, row.id))
      throw new HttpError(502, '短信发送失败，请稍后重试')
    }
    return { expiresInSeconds: s.codeTtlSeconds, resendAfterSeconds: s.resendSeconds }
  }

  /** Consumes the code or throws a message saying exactly what went wrong. */
  async verify(phone: string, code: string): Promise<void> {
    const [latest] = await this.db
      .select()
      .from(smsCodes)
      .where(and(eq(smsCodes.phone, phone), isNull(smsCodes.consumedAt)))
      .orderBy(desc(smsCodes.createdAt))
      .limit(1)
    if (!latest) throw badRequest('请先获取短信验证码', 'code')
    if (latest.failedAttempts >= this.settings.maxAttempts) {
      throw tooMany('验证码错误次数过多，请重新获取验证码', 'code')
    }
    if (latest.expiresAt.getTime() <= Date.now()) throw badRequest('验证码已过期，请重新获取', 'code')

    if (latest.codeHash !== hashCode(latest.id, code)) {
      const [after] = await this.db
        .update(smsCodes)
        .set({ failedAttempts: sql`${smsCodes.failedAttempts} + 1` })
        .where(eq(smsCodes.id, latest.id))
        .returning({ failed: smsCodes.failedAttempts })
      const left = this.settings.maxAttempts - after.failed
      if (left <= 0) throw tooMany('验证码错误次数过多，请重新获取验证码', 'code')
      throw badRequest(`验证码不正确，还可以再试${left}次`, 'code')
    }
    // Single use even under a double tap: only one request flips consumed_at.
    const consumed = await this.db
      .update(smsCodes)
      .set({ consumedAt: new Date() })
      .where(and(eq(smsCodes.id, latest.id), isNull(smsCodes.consumedAt)))
      .returning({ id: smsCodes.id })
    if (consumed.length === 0) throw badRequest('验证码已使用，请重新获取', 'code')
  }
}
