/**
 * Seeds the demo city idempotently: whatever is missing is inserted, nothing
 * is duplicated, and nothing a staff member has since edited is overwritten.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db, Tx } from '../client'
import { bundleMembers, bundles, departments, documents, hallWindows, halls, materials, matters, staff } from '../schema'
import { DEFAULT_FORM_FIELDS } from '../../../../mock/seed/formFields'
import type { DemoCity, SeedMatter } from '../../../../mock/seed/types'
import { renderMaterialDocuments, type RenderedDocument } from '../../../../mock/seed/documents'
import type { FileStorage } from '../../services/documents/fileStorage'
import { hashPassword } from '../../services/auth/passwords'
import { buildSearchText } from '../../services/catalog/searchText'
import { seedAppointmentSlots } from './seedAppointmentSlots'

export interface SeedReport {
  departments: number
  halls: number
  matters: number
  materials: number
  documents: number
  staff: number
}

export async function seedDemoCity(db: Db, storage: FileStorage, city: DemoCity): Promise<SeedReport> {
  // Password hashing and PDF rendering happen before the transaction, to keep it short.
  const existingStaff = new Set(
    (await db.select({ username: staff.username }).from(staff).where(inArray(staff.username, city.staff.map((s) => s.username)))).map(
      (s) => s.username,
    ),
  )
  const newStaff = await Promise.all(
    city.staff.filter((s) => !existingStaff.has(s.username)).map(async (s) => ({ ...s, passwordHash: await hashPassword(s.password) })),
  )
  const rendered = new Map<string, ReturnType<typeof renderMaterialDocuments>>()
  const stored = new Map<RenderedDocument, string>()
  for (const matter of city.matters) {
    for (const material of matter.materials) {
      const docs = renderMaterialDocuments(material)
      rendered.set(`${matter.key}/${material.name}`, docs)
      for (const doc of [docs.template, docs.sample]) if (doc) stored.set(doc, (await storage.put(doc.pdf)).sha256)
    }
  }

  return db.transaction(async (tx) => {
    await tx.insert(departments).values(city.departments).onConflictDoNothing({ target: departments.key })
    const deptIds = await idsByKey(tx, departments, city.departments.map((d) => d.key))

    await tx
      .insert(halls)
      .values(city.halls.map(({ windows: _w, ...h }) => h))
      .onConflictDoNothing({ target: halls.key })
    const hallIds = await idsByKey(tx, halls, city.halls.map((h) => h.key))
    const windowRows = city.halls.flatMap((h) =>
      h.windows.map((w) => ({
        hallId: hallIds.get(h.key)!,
        number: w.number,
        name: w.name,
        departmentId: w.departmentKey ? deptIds.get(w.departmentKey)! : null,
      })),
    )
    await tx.insert(hallWindows).values(windowRows).onConflictDoNothing()

    const docIds = new Map<RenderedDocument, string>()
    for (const [doc, sha256] of stored) {
      await tx
        .insert(documents)
        .values({ sha256, fileName: doc.fileName, mimeType: doc.mimeType, bytes: doc.pdf.length })
        .onConflictDoNothing()
      const [row] = await tx
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.sha256, sha256), eq(documents.fileName, doc.fileName)))
      docIds.set(doc, row.id)
    }

    await tx
      .insert(matters)
      .values(city.matters.map((m) => matterRow(m, deptIds.get(m.departmentKey)!, hallIds.get(m.hallKey)!)))
      .onConflictDoNothing({ target: matters.key })
    const matterIds = await idsByKey(tx, matters, city.matters.map((m) => m.key))
    const materialRows = city.matters.flatMap((m) =>
      m.materials.map((mat, position) => {
        const docs = rendered.get(`${m.key}/${mat.name}`)!
        return {
          matterId: matterIds.get(m.key)!,
          position,
          name: mat.name,
          issuer: mat.issuer,
          originals: mat.originals,
          copies: mat.copies,
          required: mat.required,
          acceptsTolerance: mat.acceptsTolerance,
          notes: mat.notes,
          templateDocumentId: docs.template ? docIds.get(docs.template)! : null,
          sampleDocumentId: docs.sample ? docIds.get(docs.sample)! : null,
        }
      }),
    )
    await tx.insert(materials).values(materialRows).onConflictDoNothing()

    if (newStaff.length > 0) {
      await tx
        .insert(staff)
        .values(
          newStaff.map((s) => ({
            username: s.username,
            displayName: s.displayName,
            role: s.role,
            departmentId: s.departmentKey ? deptIds.get(s.departmentKey)! : null,
            passwordHash: s.passwordHash,
          })),
        )
        .onConflictDoNothing()
    }
    await seedBundles(tx, city, matterIds)
    await seedAppointmentSlots(tx, city)
    return {
      departments: city.departments.length,
      halls: city.halls.length,
      matters: city.matters.length,
      materials: materialRows.length,
      documents: docIds.size,
      staff: city.staff.length,
    }
  })
}

/** Bundles and their members; form fields for services whose form is still empty (added after they were seeded). */
async function seedBundles(tx: Tx, city: DemoCity, matterIds: Map<string, string>): Promise<void> {
  for (const m of city.matters) {
    await tx
      .update(matters)
      .set({ formFields: city.formFields[m.key] ?? DEFAULT_FORM_FIELDS })
      .where(and(eq(matters.key, m.key), sql`${matters.formFields} = '[]'::jsonb`))
  }
  await tx
    .insert(bundles)
    .values(city.bundles.map(({ members: _m, ...b }) => b))
    .onConflictDoNothing({ target: bundles.key })
  const rows = await tx.select({ id: bundles.id, key: bundles.key }).from(bundles).where(inArray(bundles.key, city.bundles.map((b) => b.key)))
  const memberRows = city.bundles.flatMap((b) =>
    b.members.map((m, position) => ({
      bundleId: rows.find((r) => r.key === b.key)!.id,
      matterId: matterIds.get(m.matterKey)!,
      position,
      omitMaterials: m.omit,
    })),
  )
  if (memberRows.length) await tx.insert(bundleMembers).values(memberRows).onConflictDoNothing()
}

async function idsByKey(tx: Tx, table: typeof departments | typeof halls | typeof matters, keys: string[]): Promise<Map<string, string>> {
  const rows = await tx.select({ id: table.id, key: table.key }).from(table).where(inArray(table.key, keys))
  return new Map(rows.map((r) => [r.key, r.id]))
}

function matterRow(m: SeedMatter, departmentId: string, hallId: string) {
  return {
    key: m.key,
    name: m.name,
    basicCode: m.basicCode,
    implementationCode: m.implementationCode,
    type: m.type,
    caseKind: m.caseKind,
    departmentId,
    hallId,
    windowNumbers: m.windowNumbers,
    legalLimitDays: m.legalLimitDays,
    promisedLimitDays: m.promisedLimitDays,
    legalBasis: m.legalBasis,
    conditions: m.conditions,
    process: m.process,
    feeCharged: m.fee.charged,
    feeBasis: m.fee.basis,
    feeItems: m.fee.items,
    consultPhone: m.consultPhone,
    supervisionPhone: m.supervisionPhone,
    faqs: m.faqs,
    flags: m.flags,
    visitsRequired: m.visitsRequired,
    audiences: m.audiences,
    topics: m.topics,
    keywords: m.keywords,
    searchText: buildSearchText(m.name, m.keywords),
  }
}
