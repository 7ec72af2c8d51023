/**
 * What a pre-review asks for, from its target (one service or a 一件事
 * bundle): the parts (one per member service), the form fields and the
 * material slots. In a bundle a material several services ask for (same
 * name) is asked once; its slot key is the id of its first occurrence.
 */
import { asc, eq, inArray } from 'drizzle-orm'
import type { DocumentRef } from '../../../../types/matters'
import type { FormField, MaterialSlot, PrereviewForm, PrereviewTarget } from '../../../../types/prereviews'
import type { DbOrTx } from '../../db/client'
import { bundleMembers, bundles, departments, documents, halls, materials, matters } from '../../db/schema'
import { badRequest } from '../../errors'

export interface TargetPart {
  matterId: string
  matterName: string
  departmentId: string
  departmentName: string
  hall: { id: string; name: string; address: string }
  visitsRequired: number
  /** Slot keys this part reviews. */
  slotKeys: string[]
}

export interface TargetInfo {
  target: PrereviewTarget
  title: string
  parts: TargetPart[]
  fields: FormField[]
  slots: MaterialSlot[]
}

export const targetOf = (row: { matterId: string | null; bundleId: string | null }): PrereviewTarget =>
  row.bundleId ? { kind: 'bundle', bundleId: row.bundleId } : { kind: 'matter', matterId: row.matterId! }

export async function loadTarget(db: DbOrTx, target: PrereviewTarget): Promise<TargetInfo> {
  let title: string
  let matterIds: string[]
  let omitted = new Map<string, string[]>()
  if (target.kind === 'bundle') {
    const [bundle] = await db.select({ name: bundles.name }).from(bundles).where(eq(bundles.id, target.bundleId))
    if (!bundle) throw badRequest('未找到该“一件事”，请返回重新选择', 'bundleId')
    title = bundle.name
    const members = await db
      .select({ matterId: bundleMembers.matterId, omit: bundleMembers.omitMaterials })
      .from(bundleMembers)
      .where(eq(bundleMembers.bundleId, target.bundleId))
      .orderBy(asc(bundleMembers.position))
    matterIds = members.map((m) => m.matterId)
    omitted = new Map(members.map((m) => [m.matterId, m.omit]))
  } else {
    matterIds = [target.matterId]
    title = ''
  }
  const matterRows = await db
    .select({ matter: matters, departmentName: departments.name, hall: { id: halls.id, name: halls.name, address: halls.address } })
    .from(matters)
    .innerJoin(departments, eq(departments.id, matters.departmentId))
    .innerJoin(halls, eq(halls.id, matters.hallId))
    .where(inArray(matters.id, matterIds.length ? matterIds : ['00000000-0000-0000-0000-000000000000']))
  if (matterRows.length === 0 || matterRows.length !== matterIds.length) throw badRequest('未找到该事项，请返回重新选择', 'matterId')
  const ordered = matterIds.map((id) => matterRows.find((r) => r.matter.id === id)!)
  if (target.kind === 'matter') title = ordered[0].matter.name

  const materialRows = await db.select().from(materials).where(inArray(materials.matterId, matterIds)).orderBy(asc(materials.position))
  const docIds = materialRows.flatMap((m) => [m.templateDocumentId, m.sampleDocumentId]).filter((d): d is string => !!d)
  const docs = docIds.length ? await db.select().from(documents).where(inArray(documents.id, docIds)) : []
  const docRef = (id: string | null): DocumentRef | null => {
    const d = docs.find((x) => x.id === id)
    return d ? { id: d.id, fileName: d.fileName, mimeType: d.mimeType, bytes: d.bytes, url: `/api/documents/${d.id}` } : null
  }

  const slots: MaterialSlot[] = []
  const byName = new Map<string, MaterialSlot>()
  const parts: TargetPart[] = []
  for (const { matter, departmentName, hall } of ordered) {
    const slotKeys: string[] = []
    const omit = omitted.get(matter.id) ?? []
    for (const m of materialRows.filter((x) => x.matterId === matter.id && !omit.includes(x.name))) {
      let slot = byName.get(m.name)
      if (!slot) {
        slot = {
          key: m.id,
          name: m.name,
          issuer: m.issuer,
          required: m.required,
          acceptsTolerance: m.acceptsTolerance,
          notes: m.notes,
          template: docRef(m.templateDocumentId),
          sample: docRef(m.sampleDocumentId),
          matterIds: [],
        }
        byName.set(m.name, slot)
        slots.push(slot)
      } else {
        // Asked by several services: required if any requires it, tolerable only if every one tolerates it.
        slot.required ||= m.required
        slot.acceptsTolerance &&= m.acceptsTolerance
        slot.template ??= docRef(m.templateDocumentId)
        slot.sample ??= docRef(m.sampleDocumentId)
      }
      slot.matterIds.push(matter.id)
      slotKeys.push(slot.key)
    }
    parts.push({
      matterId: matter.id,
      matterName: matter.name,
      departmentId: matter.departmentId,
      departmentName,
      hall,
      visitsRequired: matter.visitsRequired,
      slotKeys,
    })
  }

  const fields: FormField[] = []
  for (const { matter } of ordered) for (const f of matter.formFields) if (!fields.some((x) => x.key === f.key)) fields.push(f)
  return { target, title, parts, fields, slots }
}

export function toForm(info: TargetInfo): PrereviewForm {
  return {
    target: info.target,
    title: info.title,
    parts: info.parts.map((p) => ({ matterId: p.matterId, matterName: p.matterName, departmentName: p.departmentName })),
    fields: info.fields,
    materials: info.slots,
    visitsRequired: Math.max(...info.parts.map((p) => p.visitsRequired)),
  }
}

/** Field values checked against the form: unknown keys refused, lengths, numbers, dates and options. */
export function checkFieldValues(fields: readonly FormField[], values: Record<string, string>, complete: boolean): void {
  for (const key of Object.keys(values)) {
    if (!fields.some((f) => f.key === key)) throw badRequest(`表单没有“${key}”这一项，请刷新页面后重试`, `fields.${key}`)
  }
  for (const f of fields) {
    const value = (values[f.key] ?? '').trim()
    if (!value) {
      if (complete && f.required) throw badRequest(`请填写“${f.label}”`, `fields.${f.key}`)
      continue
    }
    if (f.maxLength && value.length > f.maxLength) throw badRequest(`“${f.label}”不能超过${f.maxLength}个字`, `fields.${f.key}`)
    if (f.kind === 'number' && !/^\d+(\.\d{1,2})?$/.test(value)) throw badRequest(`“${f.label}”请填写数字`, `fields.${f.key}`)
    if (f.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw badRequest(`“${f.label}”请选择日期`, `fields.${f.key}`)
    if (f.kind === 'select' && !(f.options ?? []).includes(value)) throw badRequest(`“${f.label}”请从选项中选择`, `fields.${f.key}`)
  }
}
