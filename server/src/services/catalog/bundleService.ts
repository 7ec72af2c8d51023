/** 一件事 bundles for the catalog: each with its member services and their departments. */
import { asc, eq } from 'drizzle-orm'
import type { BundleList, BundleSummary } from '../../../../types/bundles'
import type { Db } from '../../db/client'
import { bundleMembers, bundles, departments, matters } from '../../db/schema'
import { notFound } from '../../errors'

export class BundleService {
  constructor(private readonly db: Db) {}

  async list(): Promise<BundleList> {
    const rows = await this.db
      .select({ bundle: bundles, matterId: matters.id, matterName: matters.name, departmentName: departments.name })
      .from(bundles)
      .innerJoin(bundleMembers, eq(bundleMembers.bundleId, bundles.id))
      .innerJoin(matters, eq(matters.id, bundleMembers.matterId))
      .innerJoin(departments, eq(departments.id, matters.departmentId))
      .orderBy(asc(bundles.name), asc(bundleMembers.position))
    const items: BundleSummary[] = []
    for (const r of rows) {
      let item = items.find((b) => b.id === r.bundle.id)
      if (!item) {
        item = { id: r.bundle.id, key: r.bundle.key, name: r.bundle.name, description: r.bundle.description, audience: r.bundle.audience, members: [] }
        items.push(item)
      }
      item.members.push({ matterId: r.matterId, matterName: r.matterName, departmentName: r.departmentName })
    }
    return { items }
  }

  async get(id: string): Promise<BundleSummary> {
    const bundle = (await this.list()).items.find((b) => b.id === id)
    if (!bundle) throw notFound('未找到该“一件事”')
    return bundle
  }
}
