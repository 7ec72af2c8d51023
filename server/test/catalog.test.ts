import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { json, startTestApp, type TestApp } from './testApp'
import type { MatterDetail, MatterPage } from '../../types/matters'
import type { Catalog, HallList } from '../../types/catalog'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

describe('catalog: happy path', () => {
  test('the seeded city has 5+ departments, 20+ matters and topics for persons and companies', async () => {
    const catalog = json<Catalog>(await t.app.inject('/api/catalog'))
    assert.ok(catalog.departments.length >= 5)
    assert.ok(catalog.matterCount >= 20)
    assert.equal(catalog.departments.reduce((n, d) => n + d.matterCount, 0), catalog.matterCount)
    assert.ok(catalog.topics.some((x) => x.audience === 'person'))
    assert.ok(catalog.topics.some((x) => x.audience === 'company' && x.name === '开办企业'))
    assert.ok(!catalog.topics.some((x) => x.audience === 'person' && x.name === '开办企业'), 'a company topic is not offered to persons')
  })

  test('search finds matters by name, keyword and pinyin initials', async () => {
    const byName = json<MatterPage>(await t.app.inject('/api/matters?q=身份证'))
    assert.ok(byName.items.some((m) => m.name === '居民身份证换领'))
    const byInitials = json<MatterPage>(await t.app.inject('/api/matters?q=SFZ'))
    assert.deepEqual(byInitials.items.map((m) => m.name), byName.items.map((m) => m.name))
    const byKeyword = json<MatterPage>(await t.app.inject(`/api/matters?q=${encodeURIComponent('营业执照')}`))
    assert.ok(byKeyword.items.some((m) => m.name.includes('个体工商户')))
    const none = json<MatterPage>(await t.app.inject('/api/matters?q=zzzzqqq'))
    assert.equal(none.total, 0)
  })

  test('filters by audience, topic and department, with paging', async () => {
    const companies = json<MatterPage>(await t.app.inject('/api/matters?audience=company&pageSize=50'))
    assert.ok(companies.total > 0 && companies.items.every((m) => m.audiences.includes('company')))
    const topic = json<MatterPage>(await t.app.inject(`/api/matters?topic=${encodeURIComponent('不动产')}&pageSize=50`))
    assert.ok(topic.total > 0 && topic.items.every((m) => m.topics.includes('不动产')))
    const catalog = json<Catalog>(await t.app.inject('/api/catalog'))
    const dept = catalog.departments[0]
    const byDept = json<MatterPage>(await t.app.inject(`/api/matters?departmentId=${dept.id}&pageSize=50`))
    assert.equal(byDept.total, dept.matterCount)
    const page1 = json<MatterPage>(await t.app.inject('/api/matters?page=1&pageSize=5'))
    const page2 = json<MatterPage>(await t.app.inject('/api/matters?page=2&pageSize=5'))
    assert.equal(page1.items.length, 5)
    assert.equal(page1.total, catalog.matterCount)
    assert.equal(new Set([...page1.items, ...page2.items].map((m) => m.id)).size, 10)
  })

  test('a guide has every catalog field, and its templates download as real PDFs', async () => {
    const page = json<MatterPage>(await t.app.inject('/api/matters?pageSize=50'))
    const details = await Promise.all(page.items.map(async (m) => json<MatterDetail>(await t.app.inject(`/api/matters/${m.id}`))))
    for (const d of details) {
      assert.ok(d.materials.length >= 2 && d.materials.length <= 8, d.name)
      assert.ok(d.basicCode.length <= 12 && d.implementationCode.length > 24)
      assert.equal(d.department.creditCode.length, 18)
      assert.ok(d.conditions.length > 0 && d.process.length > 0 && d.faqs.length > 0)
      assert.ok(d.promisedLimitDays <= d.legalLimitDays)
      assert.equal(d.fee.charged, d.fee.items.length > 0)
      assert.ok(d.hall.latitude > 39 && d.hall.longitude > 96 && d.hall.windows.length > 0)
    }
    const withTemplate = details.flatMap((d) => d.materials).find((m) => m.template && m.sample)
    assert.ok(withTemplate, 'some material has a template and a sample')
    const pdf = await t.app.inject(withTemplate.template!.url)
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-')
    assert.equal(pdf.rawPayload.length, withTemplate.template!.bytes)
    const sample = await t.app.inject(withTemplate.sample!.url)
    assert.notDeepEqual(sample.rawPayload, pdf.rawPayload)
  })

  test('halls list windows, hours and map location', async () => {
    const { items } = json<HallList>(await t.app.inject('/api/halls'))
    assert.ok(items.length >= 1)
    const centre = items.find((h) => h.name.includes('市民中心'))!
    assert.ok(centre.windows.length >= 5 && centre.openingPeriods.length > 0)
    const one = await t.app.inject(`/api/halls/${centre.id}`)
    assert.equal(one.json().name, centre.name)
  })
})

describe('catalog: errors', () => {
  test('an unknown matter, hall or document is a 404 with a message', async () => {
    for (const url of ['/api/matters/', '/api/halls/', '/api/documents/']) {
      const res = await t.app.inject(`${url}00000000-0000-4000-8000-000000000000`)
      assert.equal(res.statusCode, 404, url)
      assert.match(res.json().message, /未找到/)
    }
  })

  test('a malformed id or query names the field', async () => {
    const badId = await t.app.inject('/api/matters/not-a-uuid')
    assert.equal(badId.statusCode, 400)
    assert.equal(badId.json().field, 'id')
    const badPage = await t.app.inject('/api/matters?pageSize=500')
    assert.equal(badPage.statusCode, 400)
    assert.equal(badPage.json().field, 'pageSize')
    assert.match(badPage.json().message, /每页条数不能大于50/)
    const badAudience = await t.app.inject('/api/matters?audience=alien')
    assert.equal(badAudience.json().field, 'audience')
  })

  test('a LIKE wildcard in the query is matched literally', async () => {
    const res = json<MatterPage>(await t.app.inject('/api/matters?q=%25'))
    assert.equal(res.total, 0)
  })

  test('an unknown route is a 404 in the same shape', async () => {
    const res = await t.app.inject('/api/nothing-here')
    assert.equal(res.statusCode, 404)
    assert.equal(res.json().message, '请求的接口不存在')
  })
})
