import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { staff } from '../../db/schema'
import { HttpError, unauthorized } from '../../errors'
import { dummyHash, verifyPassword } from './passwords'

export interface StaffLoginSettings {
  maxFailedLogins: number
  lockoutMinutes: number
}

const hhmm = (d: Date) =>
  d.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false })

/** Username + password, with a lockout after repeated failures. Returns the staff id. */
export async function verifyStaffLogin(db: Db, settings: StaffLoginSettings, username: string, password: string): Promise<string> {
  const [account] = await db.select().from(staff).where(eq(staff.username, username.trim()))
  if (!account) {
    await verifyPassword(password, await dummyHash())
    throw unauthorized('用户名或密码错误')
  }
  if (account.lockedUntil && account.lockedUntil.getTime() > Date.now()) {
    throw new HttpError(423, `密码错误次数过多，账号已锁定至${hhmm(account.lockedUntil)}，请稍后再试或联系管理员`)
  }
  if (await verifyPassword(password, account.passwordHash)) {
    await db.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, account.id))
    return account.id
  }
  const lockUntil = new Date(Date.now() + settings.lockoutMinutes * 60_000)
  const [after] = await db
    .update(staff)
    .set({
      failedLogins: sql`CASE WHEN ${staff.failedLogins} + 1 >= ${settings.maxFailedLogins} THEN 0 ELSE ${staff.failedLogins} + 1 END`,
      lockedUntil: sql`CASE WHEN ${staff.failedLogins} + 1 >= ${settings.maxFailedLogins} THEN ${lockUntil.toISOString()}::timestamptz ELSE NULL END`,
    })
    .where(eq(staff.id, account.id))
    .returning({ failed: staff.failedLogins, lockedUntil: staff.lockedUntil })
  if (after.lockedUntil) {
    throw new HttpError(423, `密码错误次数过多，账号已锁定至${hhmm(after.lockedUntil)}，请稍后再试或联系管理员`)
  }
  throw unauthorized(`用户名或密码错误，再错${settings.maxFailedLogins - after.failed}次账号将被锁定`)
}
