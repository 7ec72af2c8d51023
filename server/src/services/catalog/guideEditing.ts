import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { matters } from '../../db/schema'
import type { MatterGuidePatch } from '../../../../types/matters'
import { forbidden, notFound } from '../../errors'
import type { StaffPrincipal } from '../auth/sessionService'
import { recordAudit } from '../audit'

/** Department leads keep their own service guides current; admins any. */
export async function updateGuide(db: Db, actor: StaffPrincipal, matterId: string, patch: MatterGuidePatch): Promise<void> {
  await db.transaction(async (tx) => {
    const [matter] = await tx.select({ departmentId: matters.departmentId }).from(matters).where(eq(matters.id, matterId)).for('update')
    if (!matter) throw notFound('未找到该事项，它可能已被调整或下线')
    if (actor.role !== 'admin' && actor.department?.id !== matter.departmentId) {
      throw forbidden('不能修改其他部门的办事指南')
    }
    await tx
      .update(matters)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(matters.id, matterId))
    await recordAudit(tx, { staffId: actor.id, action: 'guide.update', targetKind: 'matter', targetId: matterId, detail: { fields: Object.keys(patch) } })
  })
}
