/** 一件事 bundles (一件事一次办): one application for several services of several departments. */
import { Type, type Static } from 'typebox'
import { AUDIENCES, keysOf } from './enums'
import { Uuid } from './common'

export const BundleSummary = Type.Object({
  id: Uuid,
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  audience: Type.Enum(keysOf(AUDIENCES)),
  members: Type.Array(Type.Object({ matterId: Uuid, matterName: Type.String(), departmentName: Type.String() })),
})
export type BundleSummary = Static<typeof BundleSummary>

export const BundleList = Type.Object({ items: Type.Array(BundleSummary) })
export type BundleList = Static<typeof BundleList>
