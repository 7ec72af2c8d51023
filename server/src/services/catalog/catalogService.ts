import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { departments, documents, hallWindows, halls, materials, matters, type MatterRow } from '../../db/schema'
import type { Catalog, Hall } from '../../../../types/catalog'
import type { DocumentRef, MatterDetail, MatterListQuery, MatterPage, MatterSummary } from '../../../../types/matters'
import { TOPICS } from '../../../../types/enums'
import { notFound } from '../../errors'
import { normalizeQuery } from './searchText'

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Reads of the service catalog: matters, their guides, departments, topics and halls. */
export class CatalogService {
  constructor(private readonly db: Db) {}

  async listMatters(query: MatterListQuery, scope?: { departmentId: string }): Promise<MatterPage> {
    const page = query.page ?? 1
    const pageSize = query.pageSize ?? 20
    const filters: SQL[] = []
    const q = query.q ? normalizeQuery(query.q) : ''
    if (q) filters.push(sql`${matters.searchText} LIKE ${`%${likeEscape(q)}%`}`)
    if (query.audience) filters.push(sql`${matters.audiences} ? ${query.audience}`)
    if (query.topic) filters.push(sql`${matters.topics} ? ${query.topic}`)
    if (query.departmentId) filters.push(eq(matters.departmentId, query.departmentId))
    if (scope) filters.push(eq(matters.departmentId, scope.departmentId))
    const where = filters.length ? and(...filters) : undefined

    // One round trip: the page's summary columns plus the total, via a window count.
    const rows = await this.db
      .select({ ...summaryColumns, departmentName: departments.name, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
      .from(matters)
      .innerJoin(departments, eq(departments.id, matters.departmentId))
      .where(where)
      .orderBy(asc(matters.key))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
    const total = rows[0]?.total ?? (page === 1 ? 0 : await this.count(where))
    return { items: rows.map((r) => toSummary(r, r.departmentName)), page, pageSize, total }
  }

  private async count(where: SQL | undefined): Promise<number> {
    const [{ total }] = await this.db.select({ total: count() }).from(matters).where(where)
    return total
  }

  async getMatter(id: string): Promise<MatterDetail> {
    const [row] = await this.db
      .select({ matter: matters, department: departments, hall: halls })
      .from(matters)
      .innerJoin(departments, eq(departments.id, matters.departmentId))
      .innerJoin(halls, eq(halls.id, matters.hallId))
      .where(eq(matters.id, id))
    if (!row) throw notFound('未找到该事项，它可能已被调整或下线')
    const materialRows = await this.db.select().from(materials).where(eq(materials.matterId, id)).orderBy(asc(materials.position))
    const docIds = materialRows.flatMap((m) => [m.templateDocumentId, m.sampleDocumentId]).filter((d): d is string => !!d)
    const docs = docIds.length ? await this.db.select().from(documents).where(inArray(documents.id, docIds)) : []
    const docRef = (docId: string | null): DocumentRef | null => {
      const d = docs.find((x) => x.id === docId)
      return d ? { id: d.id, fileName: d.fileName, mimeType: d.mimeType, bytes: d.bytes, url: `/api/documents/${d.id}` } : null
    }
    const { matter: m, department: dept, hall } = row
    return {
      ...toSummary(m, dept.name),
      basicCode: m.basicCode,
      implementationCode: m.implementationCode,
      department: { id: dept.id, name: dept.name, creditCode: dept.creditCode },
      legalLimitDays: m.legalLimitDays,
      legalBasis: m.legalBasis,
      conditions: m.conditions,
      process: m.process,
      materials: materialRows.map((x) => ({
        id: x.id,
        name: x.name,
        issuer: x.issuer,
        originals: x.originals,
        copies: x.copies,
        required: x.required,
        acceptsTolerance: x.acceptsTolerance,
        notes: x.notes,
        template: docRef(x.templateDocumentId),
        sample: docRef(x.sampleDocumentId),
      })),
      fee: { charged: m.feeCharged, basis: m.feeBasis, items: m.feeItems },
      hall: {
        id: hall.id,
        name: hall.name,
        address: hall.address,
        latitude: hall.latitude,
        longitude: hall.longitude,
        hoursText: hall.hoursText,
        windows: m.windowNumbers,
      },
      consultPhone: m.consultPhone,
      supervisionPhone: m.supervisionPhone,
      faqs: m.faqs,
      updatedAt: m.updatedAt.toISOString(),
    }
  }

  async getCatalog(): Promise<Catalog> {
    const [deptRows, topicRows, [{ total }]] = await Promise.all([
      this.db
        .select({ department: departments, matterCount: count(matters.id) })
        .from(departments)
        .leftJoin(matters, eq(matters.departmentId, departments.id))
        .groupBy(departments.id)
        .orderBy(asc(departments.key)),
      this.db.execute<{ name: string; audience: 'person' | 'company'; matter_count: number }>(sql`
        SELECT t.name, a.audience, count(*)::int AS matter_count
        FROM ${matters}, jsonb_array_elements_text(${matters.topics}) AS t(name),
             jsonb_array_elements_text(${matters.audiences}) AS a(audience)
        GROUP BY t.name, a.audience
        ORDER BY a.audience DESC, matter_count DESC, t.name`),
      this.db.select({ total: count() }).from(matters),
    ])
    return {
      // A matter for persons and companies lists each topic under the audience it belongs to only.
      topics: topicRows.rows
        .filter((t) => TOPICS[t.audience].includes(t.name))
        .map((t) => ({ name: t.name, audience: t.audience, matterCount: t.matter_count })),
      departments: deptRows.map(({ department: d, matterCount }) => ({
        id: d.id,
        name: d.name,
        shortName: d.shortName,
        creditCode: d.creditCode,
        phone: d.phone,
        matterCount,
      })),
      matterCount: total,
    }
  }

  async listHalls(): Promise<Hall[]> {
    const [hallRows, windowRows] = await Promise.all([
      this.db.select().from(halls).orderBy(asc(halls.key)),
      this.db.select().from(hallWindows).orderBy(asc(hallWindows.number)),
    ])
    return hallRows.map((h) => ({
      id: h.id,
      name: h.name,
      address: h.address,
      latitude: h.latitude,
      longitude: h.longitude,
      phone: h.phone,
      hoursText: h.hoursText,
      openingPeriods: h.openingPeriods,
      transit: h.transit,
      windows: windowRows
        .filter((w) => w.hallId === h.id)
        .map((w) => ({ id: w.id, number: w.number, name: w.name, departmentId: w.departmentId })),
    }))
  }

  async getHall(id: string): Promise<Hall> {
    const hall = (await this.listHalls()).find((h) => h.id === id)
    if (!hall) throw notFound('未找到该办事大厅')
    return hall
  }
}

/** Only what a list row shows: the guide's large fields stay in the database. */
const summaryColumns = {
  id: matters.id,
  name: matters.name,
  type: matters.type,
  caseKind: matters.caseKind,
  departmentId: matters.departmentId,
  promisedLimitDays: matters.promisedLimitDays,
  visitsRequired: matters.visitsRequired,
  audiences: matters.audiences,
  topics: matters.topics,
  flags: matters.flags,
}

type SummaryFields = Pick<MatterRow, keyof typeof summaryColumns>

export function toSummary(m: SummaryFields, departmentName: string): MatterSummary {
  return {
    id: m.id,
    name: m.name,
    type: m.type,
    caseKind: m.caseKind,
    department: { id: m.departmentId, name: departmentName },
    promisedLimitDays: m.promisedLimitDays,
    visitsRequired: m.visitsRequired,
    audiences: m.audiences,
    topics: m.topics,
    flags: m.flags,
  }
}
