/**
 * Departments (实施主体) of 玉门市 that sit in the citizen centre. Credit
 * codes are invented but well-formed: `11` (organ) + 620981 (玉门市) + a
 * GB 11714 organisation code + the GB 32100 check character; uscc.test.ts
 * verifies every one. Organs re-formed in the 2019 reform carry `MB` codes.
 */
import type { SeedDepartment } from './types'

export const departments: SeedDepartment[] = [
  {
    key: 'scjg',
    name: '玉门市市场监督管理局',
    shortName: '市场监管局',
    creditCode: '11620981MB1950219N',
    phone: '0937-3221315',
  },
  {
    key: 'rsj',
    name: '玉门市人力资源和社会保障局',
    shortName: '人社局',
    creditCode: '116209810139206153',
    phone: '0937-3222333',
  },
  {
    key: 'bdc',
    name: '玉门市自然资源局（不动产登记中心）',
    shortName: '不动产登记中心',
    creditCode: '11620981MB1953073L',
    phone: '0937-3326616',
  },
  {
    key: 'ga',
    name: '玉门市公安局（户政）',
    shortName: '公安户政',
    creditCode: '116209810139211754',
    phone: '0937-3220110',
  },
  {
    key: 'jt',
    name: '玉门市交通运输局',
    shortName: '交通运输局',
    creditCode: '11620981013920535F',
    phone: '0937-3225106',
  },
  {
    key: 'mz',
    name: '玉门市民政局',
    shortName: '民政局',
    creditCode: '11620981013920885M',
    phone: '0937-3223066',
  },
]
