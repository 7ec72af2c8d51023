import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AUDIENCES, CASE_KINDS, MATTER_TYPES, STAFF_ROLES } from '../../types/enums'
import { demoCity } from './city'
import { TOPICS } from './topics'
import { isValidUscc } from './uscc'

const { departments, halls, matters, staff } = demoCity
const TIME = /^\d{2}:\d{2}$/

function assertUnique(values: string[], what: string) {
  const seen = new Set<string>()
  for (const v of values) {
    assert.ok(!seen.has(v), `duplicate ${what}: ${v}`)
    seen.add(v)
  }
}

test('the city has the departments DOMAIN.md asks for, with valid credit codes', () => {
  assert.ok(departments.length >= 5)
  assertUnique(departments.map((d) => d.key), 'department key')
  assertUnique(departments.map((d) => d.creditCode), 'credit code')
  for (const name of ['市场监督管理局', '人力资源和社会保障局', '不动产登记', '公安局', '交通运输局']) {
    assert.ok(departments.some((d) => d.name.includes(name)), `missing ${name}`)
  }
  for (const d of departments) {
    assert.equal(d.creditCode.length, 18)
    assert.ok(isValidUscc(d.creditCode), `${d.name}: ${d.creditCode}`)
    assert.match(d.phone, /^0937-3\d{6}$/)
  }
})

test('halls have office hours, a location in 玉门, and resolvable windows', () => {
  assert.ok(halls.some((h) => h.name === '玉门市市民中心'))
  assert.ok(halls.length >= 2)
  assertUnique(halls.map((h) => h.key), 'hall key')
  const departmentKeys = new Set(departments.map((d) => d.key))
  for (const h of halls) {
    assert.ok(Math.abs(h.latitude - 40.29) < 0.05 && Math.abs(h.longitude - 97.05) < 0.05, `${h.name} is not in 玉门`)
    assert.ok(h.openingPeriods.length > 0)
    for (const p of h.openingPeriods) {
      assert.match(p.opens, TIME)
      assert.match(p.closes, TIME)
      assert.ok(p.opens < p.closes)
      assert.ok(p.weekdays.every((d) => Number.isInteger(d) && d >= 1 && d <= 7))
    }
    assertUnique(h.windows.map((w) => w.number), `window number in ${h.name}`)
    assert.ok(h.windows.some((w) => w.departmentKey === null && w.name.includes('综合受理')), `${h.name} has no 综合受理 window`)
    for (const w of h.windows) {
      assert.match(w.number, /^[A-Z]\d{2}$/)
      if (w.departmentKey !== null) assert.ok(departmentKeys.has(w.departmentKey), `${h.name} ${w.number}`)
    }
  }
})

test('the citizen centre keeps the Gansu summer hours', () => {
  const centre = halls.find((h) => h.name === '玉门市市民中心')!
  assert.deepEqual(
    centre.openingPeriods.map((p) => [p.weekdays, p.opens, p.closes]),
    [
      [[1, 2, 3, 4, 5], '08:30', '12:00'],
      [[1, 2, 3, 4, 5], '14:30', '18:00'],
    ],
  )
})

test('there are 20+ matters with unique keys and codes', () => {
  assert.ok(matters.length >= 20, `only ${matters.length} matters`)
  assertUnique(matters.map((m) => m.key), 'matter key')
  assertUnique(matters.map((m) => m.name), 'matter name')
  assertUnique(matters.map((m) => m.implementationCode), 'implementation code')
  for (const d of departments) assert.ok(matters.some((m) => m.departmentKey === d.key), `${d.name} offers nothing`)
})

for (const m of matters) {
  test(`matter ${m.name} is complete and consistent`, () => {
    const department = departments.find((d) => d.key === m.departmentKey)
    assert.ok(department, `department ${m.departmentKey}`)
    const hall = halls.find((h) => h.key === m.hallKey)
    assert.ok(hall, `hall ${m.hallKey}`)
    assert.ok(m.windowNumbers.length > 0)
    for (const number of m.windowNumbers) {
      const window = hall.windows.find((w) => w.number === number)
      assert.ok(window, `window ${number} in ${hall.name}`)
      assert.ok(
        window.departmentKey === null || window.departmentKey === m.departmentKey,
        `window ${number} belongs to another department`,
      )
    }

    assert.ok(m.basicCode.length > 0 && m.basicCode.length <= 12, `basic code ${m.basicCode}`)
    assert.ok(m.implementationCode.length > 24 && m.implementationCode.length <= 64, `implementation code ${m.implementationCode}`)
    assert.ok(m.implementationCode.startsWith(department.creditCode), 'implementation code starts with the organ credit code')

    assert.ok(m.type in MATTER_TYPES)
    assert.ok(m.caseKind in CASE_KINDS)
    assert.ok(Number.isInteger(m.legalLimitDays) && Number.isInteger(m.promisedLimitDays))
    assert.ok(m.promisedLimitDays >= 0 && m.promisedLimitDays <= m.legalLimitDays, 'promised ≤ legal')
    if (m.caseKind === 'immediate') assert.equal(m.promisedLimitDays, 0, '即办件 promise 0 days')
    else assert.ok(m.promisedLimitDays > 0, '承诺件 promise at least a day')

    assert.ok(m.materials.length >= 2 && m.materials.length <= 8, `${m.materials.length} materials`)
    assertUnique(m.materials.map((x) => x.name), 'material name')
    assert.ok(m.materials.some((x) => x.required), 'at least one required material')
    for (const x of m.materials) {
      assert.ok(x.name && x.issuer, 'material named with an issuer')
      assert.ok(x.originals + x.copies > 0, `${x.name}: no original and no copy`)
      assert.ok(x.hasSample ? x.template !== null : true, `${x.name}: a sample needs a template`)
      if (x.template) {
        assert.ok(x.template.title && x.template.fields.length > 0)
        assert.ok(x.template.fields.every((f) => f.label && f.sample), `${x.name}: every field has a sample`)
      }
    }

    assert.equal(m.fee.charged, m.fee.items.length > 0, 'fee items present iff charged')
    assert.ok(m.fee.basis.length > 0)
    for (const item of m.fee.items) assert.ok(Number.isInteger(item.amountFen) && item.amountFen > 0 && item.unit)
    if (m.flags.onlinePayment) assert.ok(m.fee.charged, 'online payment only where something is charged')

    assert.ok(m.legalBasis.includes('《'), 'legal basis cites a law or regulation')
    assert.ok(m.conditions.length > 0 && m.process.length >= 2)
    assert.match(m.consultPhone, /^0937-3\d{6}$/)
    assert.equal(m.supervisionPhone, '12345')
    assert.ok(m.faqs.length >= 3 && m.faqs.length <= 5, `${m.faqs.length} FAQs`)
    for (const f of m.faqs) assert.ok(f.question.length >= 2 && f.question.length <= 200 && f.answer.length >= 2 && f.answer.length <= 1000)

    assert.ok(Number.isInteger(m.visitsRequired) && m.visitsRequired >= 0)
    if (m.visitsRequired === 0) assert.ok(m.flags.onlineApplication, '零跑腿 needs online application')

    assert.ok(m.audiences.length > 0 && m.audiences.every((a) => a in AUDIENCES))
    assert.ok(m.topics.length > 0)
    for (const topic of m.topics) {
      assert.ok(m.audiences.some((a) => TOPICS[a].includes(topic)), `topic ${topic} is not in the set of ${m.audiences}`)
    }
    assert.ok(m.keywords.length >= 3)
  })
}

test('the catalogue is varied, as a real centre is', () => {
  const kinds = new Set(matters.map((m) => m.caseKind))
  assert.equal(kinds.size, 2)
  const visits = new Set(matters.map((m) => m.visitsRequired))
  assert.ok(visits.has(0) && visits.has(1) && visits.has(2))
  assert.ok(matters.some((m) => m.fee.charged) && matters.some((m) => !m.fee.charged))
  assert.ok(new Set(matters.map((m) => m.type)).size >= 4)
  const materials = matters.flatMap((m) => m.materials)
  assert.ok(materials.some((x) => !x.required) && materials.some((x) => x.acceptsTolerance))
  assert.ok(materials.some((x) => x.template && x.hasSample))
  for (const audience of Object.keys(TOPICS) as Array<keyof typeof TOPICS>) {
    for (const topic of TOPICS[audience]) {
      assert.ok(
        matters.some((m) => m.audiences.includes(audience) && m.topics.includes(topic)),
        `no ${audience} matter under ${topic}`,
      )
    }
  }
})

test('documented fees are exact', () => {
  const transfer = matters.find((m) => m.key === 'second-hand-transfer')!
  assert.ok(transfer.fee.items.some((i) => i.amountFen === 8000))
  const idCard = matters.find((m) => m.key === 'id-card-renewal')!
  assert.deepEqual(idCard.fee.items.map((i) => i.amountFen), [2000])
})

test('staff: a window clerk and a lead per department, one admin', () => {
  assertUnique(staff.map((s) => s.username), 'username')
  for (const d of departments) {
    assert.ok(staff.some((s) => s.departmentKey === d.key && s.role === 'window'), `${d.key} window`)
    assert.ok(staff.some((s) => s.departmentKey === d.key && s.role === 'lead'), `${d.key} lead`)
  }
  const admins = staff.filter((s) => s.role === 'admin')
  assert.equal(admins.length, 1)
  assert.equal(admins[0].departmentKey, null)
  assert.equal(admins[0].username, 'admin')
  for (const s of staff) {
    assert.ok(s.role in STAFF_ROLES)
    assert.ok(s.departmentKey === null || departments.some((d) => d.key === s.departmentKey))
    assert.equal(s.password, 'Paoyici@2026')
  }
  assert.ok(staff.some((s) => s.username === 'scjg.window') && staff.some((s) => s.username === 'scjg.lead'))
})
