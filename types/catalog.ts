import { Type, type Static } from 'typebox'
import { Uuid } from './common'

export const Department = Type.Object({
  id: Uuid,
  name: Type.String(),
  shortName: Type.String(),
  creditCode: Type.String({ description: '统一社会信用代码 (18 chars)', minLength: 18, maxLength: 18 }),
  phone: Type.String(),
  matterCount: Type.Integer(),
})
export type Department = Static<typeof Department>

export const Topic = Type.Object({
  name: Type.String(),
  audience: Type.Union([Type.Literal('person'), Type.Literal('company')]),
  matterCount: Type.Integer(),
})
export type Topic = Static<typeof Topic>

/** GET /api/catalog — what the home page needs to let a citizen browse. */
export const Catalog = Type.Object({
  departments: Type.Array(Department),
  topics: Type.Array(Topic),
  matterCount: Type.Integer(),
})
export type Catalog = Static<typeof Catalog>

export const OpeningPeriod = Type.Object({
  weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { description: 'ISO weekdays, 1 = Monday' }),
  opens: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  closes: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
})
export type OpeningPeriod = Static<typeof OpeningPeriod>

export const HallWindow = Type.Object({
  id: Uuid,
  number: Type.String({ description: '窗口号, e.g. A03' }),
  name: Type.String(),
  departmentId: Type.Union([Uuid, Type.Null()]),
})
export type HallWindow = Static<typeof HallWindow>

export const Hall = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  phone: Type.String(),
  hoursText: Type.String({ description: 'Opening hours as citizens read them' }),
  openingPeriods: Type.Array(OpeningPeriod),
  transit: Type.String(),
  windows: Type.Array(HallWindow),
})
export type Hall = Static<typeof Hall>

export const HallList = Type.Object({ items: Type.Array(Hall) })
export type HallList = Static<typeof HallList>
