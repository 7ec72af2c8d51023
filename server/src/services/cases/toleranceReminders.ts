/**
 * 容缺受理 promises: the citizen is reminded once, from the day before the
 * promised date, while the materials are still missing. The reminded_at stamp
 * is set by a conditional UPDATE in the same transaction as the message, so
 * any number of instances may run this at once and each case is told once.
 */
import { and, isNotNull, isNull, lte } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases } from '../../db/schema'
import { shanghaiDate } from '../../domain/calendar'
import { notify, type NotificationMessage, type NotificationService } from '../notifications/notificationService'

export async function remindTolerancePromises(db: Db, notifications: NotificationService, now = new Date()): Promise<number> {
  const tomorrow = shanghaiDate(new Date(now.getTime() + 86_400_000))
  const messages: (NotificationMessage & { id: string })[] = []
  await db.transaction(async (tx) => {
    const due = await tx
      .update(cases)
      .set({ toleranceRemindedAt: now })
      .where(
        and(
          isNotNull(cases.toleranceMaterials),
          isNull(cases.toleranceFulfilledAt),
          isNull(cases.toleranceRemindedAt),
          isNull(cases.finishedAt),
          isNotNull(cases.citizenId),
          lte(cases.tolerancePromisedOn, tomorrow),
        ),
      )
      .returning({ id: cases.id, citizenId: cases.citizenId, number: cases.number, materials: cases.toleranceMaterials, promisedOn: cases.tolerancePromisedOn })
    for (const c of due) {
      const [y, m, d] = c.promisedOn!.split('-').map(Number)
      messages.push(
        await notify(tx, {
          citizenId: c.citizenId!,
          caseId: c.id,
          title: '请按承诺补交容缺材料',
          body: `您的办件（编号${c.number}）为容缺受理，请于${y}年${m}月${d}日前补交：${c.materials!.join('、')}。`,
          kind: 'caseStep',
          facts: { status: '待补交', note: c.materials!.join('、') },
        }),
      )
    }
  })
  await notifications.dispatch(messages)
  return messages.length
}

