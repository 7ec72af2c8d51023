import { and, eq, ne } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { citizens, sessions, type CitizenRow } from '../../db/schema'
import { checkResidentId, RESIDENT_ID_MESSAGES } from '../../../../types/validators'
import { badRequest, conflict } from '../../errors'

/** Citizen accounts: found by phone or WeChat, linked when the same person uses both. */
export class CitizenAccounts {
  constructor(private readonly db: Db) {}

  async byPhone(phone: string): Promise<CitizenRow> {
    const [row] = await this.db
      .insert(citizens)
      .values({ phone })
      .onConflictDoUpdate({ target: citizens.phone, set: { updatedAt: new Date() } })
      .returning()
    return row
  }

  async byWechat(openid: string, unionid: string | null): Promise<CitizenRow> {
    const [row] = await this.db
      .insert(citizens)
      .values({ wechatOpenid: openid, wechatUnionid: unionid })
      .onConflictDoUpdate({ target: citizens.wechatOpenid, set: { wechatUnionid: unionid, updatedAt: new Date() } })
      .returning()
    return row
  }

  /**
   * Binds a phone proved by WeChat to the signed-in WeChat account. When the
   * phone already has an account without WeChat (opened by SMS in the app),
   * the WeChat login moves onto that account, with this session, so the
   * citizen keeps one account.
   */
  async bindWechatPhone(current: CitizenRow, phone: string): Promise<CitizenRow> {
    return this.db.transaction(async (tx) => {
      const [owner] = await tx.select().from(citizens).where(and(eq(citizens.phone, phone), ne(citizens.id, current.id))).for('update')
      if (!owner) {
        const [row] = await tx.update(citizens).set({ phone, updatedAt: new Date() }).where(eq(citizens.id, current.id)).returning()
        return row
      }
      if (owner.wechatOpenid !== null) throw conflict('该手机号已绑定其他微信账号，请使用短信验证码登录或联系 12345', 'phone')
      if (current.realName && owner.realName && current.idNumber !== owner.idNumber) {
        throw conflict('该手机号已登记为另一位实名用户，请联系 12345 处理', 'phone')
      }
      await tx.update(sessions).set({ citizenId: owner.id }).where(eq(sessions.citizenId, current.id))
      await tx.delete(citizens).where(eq(citizens.id, current.id))
      const [row] = await tx
        .update(citizens)
        .set({
          wechatOpenid: current.wechatOpenid,
          wechatUnionid: current.wechatUnionid,
          realName: owner.realName ?? current.realName,
          idNumber: owner.idNumber ?? current.idNumber,
          identityLevel: owner.realName ? owner.identityLevel : current.identityLevel,
          updatedAt: new Date(),
        })
        .where(eq(citizens.id, owner.id))
        .returning()
      return row
    })
  }

  /** Declared real name: checksum-valid, recorded honestly as not verified. */
  async declareRealName(current: CitizenRow, name: string, idNumberRaw: string): Promise<CitizenRow> {
    const idNumber = idNumberRaw.trim().toUpperCase()
    const problem = checkResidentId(idNumber)
    if (problem) throw badRequest(RESIDENT_ID_MESSAGES[problem], 'idNumber')
    if (current.identityLevel === 'verified') throw conflict('您的身份已通过核验，如需更改请到窗口办理')
    const [taken] = await this.db
      .select({ id: citizens.id })
      .from(citizens)
      .where(and(eq(citizens.idNumber, idNumber), ne(citizens.id, current.id)))
    if (taken) throw conflict('该身份证号已被其他账号实名登记，如有疑问请拨打 12345', 'idNumber')
    const [row] = await this.db
      .update(citizens)
      .set({ realName: name.trim(), idNumber, identityLevel: 'declared', updatedAt: new Date() })
      .where(eq(citizens.id, current.id))
      .returning()
    return row
  }
}
