/**
 * Citizens' and receipt holders' ratings (好差评). Rules come from
 * domain/ratings/rules.ts; a rating is written with its events (and, for a
 * 差评, its rectification deadline) in one short transaction that locks the
 * rated case or booking row, and the unique indexes ratings_case_round /
 * ratings_visit_round stop a second rating of a round whatever the race
 * (the loser answers 409).
 */
import { and, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm'
import { RATING_LEVELS, type RatingLevel, type RatingChannel } from '../../../../types/enums'
import type { RatingTag } from '../../../../types/ratingTags'
import type {
  AnonymousRatingReceipt,
  AnonymousRatingTarget,
  CreateRatingRequest,
  RateableItem,
  RateableList,
  RatingDetail,
  RatingPage,
  RatingScores,
} from '../../../../types/ratings'
import type { Db, DbOrTx } from '../../db/client'
import { cases, ratingEvents, ratings, type CitizenRow } from '../../db/schema'
import { computeDeadline } from '../../domain/calendar'
import { checkCaseRateable, checkContent, checkVisitRateable, defaultsOn, isBad, nextRound, RATEABLE_CASE_STATUSES, RATEABLE_VISIT_STATUSES, type PriorRating } from '../../domain/ratings/rules'
import { HttpError, badRequest, conflict, notFound } from '../../errors'
import type { CalendarService } from '../calendar/calendarService'
import type { CaseLookup } from '../cases/caseLookup'
import type { Clock } from '../cases/caseViews'
import { findRating, followUpOf, replyOf, selectRatings, toDetail, toRecord, toSummary } from './ratingRecords'
import { caseTarget, targetView, visitTarget, type TargetRecord } from './targets'

export interface RatingSettings {
  rectifyDays: number
}

type Rater = { kind: 'citizen'; citizenId: string } | { kind: 'anonymous' }

interface RatingInput {
  channel: RatingChannel
  level: RatingLevel
  scores: RatingScores
  tags: RatingTag[]
  text: string
}

const CASE_NOT_FOUND = '未找到该办件'
const VISIT_NOT_FOUND = '未找到该次预约办事'
const RATING_NOT_FOUND = '未找到该评价'
const ALREADY_RATED = '已评价过，一事一评，不能重复评价'

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505' || (e as { cause?: { code?: string } })?.cause?.code === '23505'

export class RatingService {
  constructor(
    private readonly db: Db,
    private readonly calendar: CalendarService,
    private readonly lookup: CaseLookup,
    private readonly settings: RatingSettings,
  ) {}

  private async clock(now = new Date()): Promise<Clock> {
    return { calendar: await this.calendar.get(), hours: this.calendar.hours, now }
  }

  /** Cases registered with the citizen's phone before they had an account become theirs (as in CaseService). */
  private async linkByPhone(citizen: CitizenRow): Promise<void> {
    if (!citizen.phone) return
    await this.db.update(cases).set({ citizenId: citizen.id }).where(and(isNull(cases.citizenId), eq(cases.applicantPhone, citizen.phone)))
  }

  private async priorOf(db: DbOrTx, target: TargetRecord): Promise<PriorRating[]> {
    const where =
      target.kind === 'case'
        ? and(eq(ratings.targetKind, 'case'), eq(ratings.caseId, target.caseId!))
        : and(eq(ratings.targetKind, 'visit'), eq(ratings.appointmentId, target.appointmentId!))
    return db.select({ id: ratings.id, round: ratings.round, badStatus: ratings.badStatus }).from(ratings).where(where)
  }

  // ---- citizen ----

  async create(citizen: CitizenRow, body: CreateRatingRequest): Promise<RatingDetail> {
    if ((body.caseId ? 1 : 0) + (body.appointmentId ? 1 : 0) !== 1) throw badRequest('请指定要评价的办件或预约（二选一）', 'caseId')
    await this.linkByPhone(citizen)
    const target = body.caseId ? await caseTarget(this.db, body.caseId) : await visitTarget(this.db, body.appointmentId!)
    // Another citizen's case or booking answers exactly like an unknown one.
    if (!target || target.ownerId !== citizen.id) throw notFound(body.caseId ? CASE_NOT_FOUND : VISIT_NOT_FOUND)
    const id = await this.rate(target, { kind: 'citizen', citizenId: citizen.id }, body)
    return this.detailOf(id)
  }

  /** Mine: what I rated, and the system defaults of my cases. Never anyone else's. */
  private mineWhere(citizen: CitizenRow): SQL {
    return or(eq(ratings.citizenId, citizen.id), and(eq(ratings.channel, 'systemDefault'), eq(cases.citizenId, citizen.id)))!
  }

  async listMine(citizen: CitizenRow, page: number, pageSize: number): Promise<RatingPage> {
    const where = this.mineWhere(citizen)
    const rows = await selectRatings(this.db)
      .where(where)
      .orderBy(desc(ratings.createdAt), desc(ratings.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
    const [{ total }] = await this.db.select({ total: count() }).from(ratings).leftJoin(cases, eq(cases.id, ratings.caseId)).where(where)
    return { items: rows.map((r) => toSummary(toRecord(r))), page, pageSize, total }
  }

  async getMine(citizen: CitizenRow, id: string): Promise<RatingDetail> {
    const record = await findRating(this.db, id, this.mineWhere(citizen))
    if (!record) throw notFound(RATING_NOT_FOUND)
    return toDetail(record, await followUpOf(this.db, record.id))
  }

  private async detailOf(id: string): Promise<RatingDetail> {
    const record = await findRating(this.db, id)
    if (!record) throw notFound(RATING_NOT_FOUND)
    return toDetail(record, await followUpOf(this.db, id))
  }

  /** My finished cases and checked-in visits that I may rate now (first rating, or once more after a rectified 差评). */
  async rateable(citizen: CitizenRow): Promise<RateableList> {
    await this.linkByPhone(citizen)
    const { rows } = await this.db.execute<{ kind: 'case' | 'visit'; id: string }>(sql`
      (SELECT 'case' AS kind, c.id FROM cases c
        WHERE c.citizen_id = ${citizen.id} AND c.status IN (${sql.join(RATEABLE_CASE_STATUSES.map((s) => sql`${s}`), sql`, `)})
        ORDER BY c.finished_at DESC NULLS LAST LIMIT 50)
      UNION ALL
      (SELECT 'visit' AS kind, a.id FROM appointments a
        WHERE a.citizen_id = ${citizen.id} AND a.status IN (${sql.join(RATEABLE_VISIT_STATUSES.map((s) => sql`${s}`), sql`, `)})
        ORDER BY a.checked_in_at DESC NULLS LAST LIMIT 50)`)
    const items: RateableItem[] = []
    for (const row of rows) {
      const target = row.kind === 'case' ? await caseTarget(this.db, row.id) : await visitTarget(this.db, row.id)
      if (!target) continue
      const next = nextRound(await this.priorOf(this.db, target))
      if (!next.ok) continue
      items.push({
        target: targetView(target),
        completedAt: (target.completedAt ?? new Date()).toISOString(),
        reRate: next.round === 2,
        previousRatingId: next.previousRatingId,
        defaultsOn: target.kind === 'case' && next.round === 1 && target.completedAt ? defaultsOn(target.completedAt).toISOString() : null,
      })
    }
    items.sort((a, b) => b.completedAt.localeCompare(a.completedAt))
    return { items }
  }

  // ---- anonymous (receipt: number + query password, through the lookup guards) ----

  async anonymousCheck(number: string, password: string, clientKey: string): Promise<AnonymousRatingTarget> {
    const caseId = await this.lookup.caseIdFor(number, password, clientKey)
    const target = (await caseTarget(this.db, caseId))!
    const rateable = checkCaseRateable(target.caseStatus!)
    const next = nextRound(await this.priorOf(this.db, target))
    const [last] = await selectRatings(this.db)
      .where(and(eq(ratings.targetKind, 'case'), eq(ratings.caseId, caseId), eq(ratings.badStatus, 'rectified')))
      .orderBy(desc(ratings.rectifiedAt))
      .limit(1)
    return {
      caseNumber: target.caseNumber!,
      matterName: target.matterName,
      departmentName: target.departmentName,
      dimension: target.dimension,
      canRate: rateable.ok && next.ok,
      reRate: next.ok && next.round === 2,
      reason: !rateable.ok ? rateable.message : !next.ok ? next.message : null,
      reply: last ? replyOf(toRecord(last)) : null,
    }
  }

  async anonymousRate(
    body: { number: string; password: string } & RatingInput,
    clientKey: string,
  ): Promise<AnonymousRatingReceipt> {
    const caseId = await this.lookup.caseIdFor(body.number, body.password, clientKey)
    const target = (await caseTarget(this.db, caseId))!
    const id = await this.rate(target, { kind: 'anonymous' }, body)
    const [row] = await this.db.select().from(ratings).where(eq(ratings.id, id))
    return { caseNumber: target.caseNumber!, level: row.level, round: row.round, createdAt: row.createdAt.toISOString() }
  }

  // ---- the one write path ----

  private async rate(target: TargetRecord, rater: Rater, input: RatingInput): Promise<string> {
    const text = input.text.trim()
    const tags = [...new Set(input.tags)]
    const content = checkContent({ level: input.level, dimension: target.dimension, scores: input.scores, tags, text })
    if (!content.ok) throw new HttpError(content.status, content.message, content.field)
    const clock = await this.clock()
    const bad = isBad(input.level)
    const due = bad ? computeDeadline({ calendar: clock.calendar, hours: clock.hours, acceptedAt: clock.now, limitDays: this.settings.rectifyDays }) : null
    try {
      return await this.db.transaction(async (tx) => {
        const locked = target.kind === 'case' ? await caseTarget(tx, target.caseId!, true) : await visitTarget(tx, target.appointmentId!, true)
        if (!locked) throw notFound(target.kind === 'case' ? CASE_NOT_FOUND : VISIT_NOT_FOUND)
        const rateable = locked.kind === 'case' ? checkCaseRateable(locked.caseStatus!) : checkVisitRateable(locked.appointmentStatus!)
        if (!rateable.ok) throw new HttpError(rateable.status, rateable.message)
        const next = nextRound(await this.priorOf(tx, locked))
        if (!next.ok) throw conflict(next.message)
        const [inserted] = await tx
          .insert(ratings)
          .values({
            targetKind: locked.kind,
            caseId: locked.caseId,
            appointmentId: locked.kind === 'visit' ? locked.appointmentId : null,
            citizenId: rater.kind === 'citizen' ? rater.citizenId : null,
            departmentId: locked.departmentId,
            matterId: locked.matterId,
            windowNumber: locked.windowNumber,
            dimension: locked.dimension,
            round: next.round,
            previousRatingId: next.previousRatingId,
            level: input.level,
            channel: input.channel,
            scores: input.scores,
            tags,
            text,
            completedAt: locked.completedAt,
            createdAt: clock.now,
            badStatus: bad ? 'pending' : null,
            rectifyDueAt: due?.dueAt ?? null,
            rectifyDueUnpublished: due?.unpublished ?? false,
          })
          .returning({ id: ratings.id })
        const actorKind = rater.kind
        const events: (typeof ratingEvents.$inferInsert)[] = [
          { ratingId: inserted.id, at: clock.now, event: next.round === 2 ? 'reRated' : 'rated', actorKind, note: '' },
        ]
        if (bad) {
          events.push({
            ratingId: inserted.id,
            at: clock.now,
            event: 'assigned',
            actorKind: 'system',
            note: `差评已分派至${locked.departmentName}，请在${this.settings.rectifyDays}个工作日内核实整改并回复`,
          })
        }
        if (next.previousRatingId) {
          events.push({ ratingId: next.previousRatingId, at: clock.now, event: 'reRated', actorKind, note: `再次评价：${RATING_LEVELS[input.level]}` })
        }
        await tx.insert(ratingEvents).values(events)
        return inserted.id
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(ALREADY_RATED)
      throw error
    }
  }
}

