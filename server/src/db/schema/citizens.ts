import { pgTable, text } from 'drizzle-orm/pg-core'
import type { IdentityLevel } from '../../../../types/enums'
import { createdAt, id, updatedAt } from './columns'

/**
 * A citizen account: reached by WeChat openid and/or a verified phone.
 * realName/idNumber are personal data: never logged, masked on every screen.
 */
export const citizens = pgTable('citizens', {
  id: id(),
  phone: text('phone').unique(),
  wechatOpenid: text('wechat_openid').unique(),
  wechatUnionid: text('wechat_unionid'),
  realName: text('real_name'),
  idNumber: text('id_number').unique(),
  identityLevel: text('identity_level').$type<IdentityLevel>().notNull().default('none'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})
export type CitizenRow = typeof citizens.$inferSelect
