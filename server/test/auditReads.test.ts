/**
 * Staff reads of citizens' personal data are audit-logged (services/auditReads.ts), and the
 * admin reads the log at GET /api/staff/audit-log.
 *
 * CLASSIFICATION below is the register of every /api/staff/ operation of /api/openapi.json:
 * either audited (what it must record, proven by running the access matrix's request for it)
 * or "no personal data" with the reason. A new staff endpoint without an entry fails here.
 *
 * Refused reads (401/403/404) are not recorded: they showed nothing (see README "Audit of staff reads").
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { buildFixture, type Fixture, type Role } from './accessMatrix/fixture'
import { matrix, type Req } from './accessMatrix/matrix'
import { VALID_ID } from './casesHelpers'
import { complaintBody, uploadPhotoOk } from './complaintsHelpers'
import { startTestApp, type TestApp } from './testApp'
import { apiOperations } from './support/apiOperations'

type Body = any // eslint-disable-line @typescript-eslint/no-explicit-any

interface Audited {
  kind: string
  /** A list: the ids the answer shows. */
  list?: (b: Body) => string[]
  /** One object: its id (null: the answer showed nobody) and the signed file URLs given with it. */
  one?: (b: Body) => { id: string | null; files?: { kind: string; ids: string[] } }
}

const byId = (b: Body) => ({ id: b.id as string })
const items = (key = 'id') => (b: Body) => (b.items as Body[]).map((i) => i[key] as string)
const part = (b: Body) => ({ id: b.partId as string, files: { kind: 'prereviewFile', ids: (b.materials as Body[]).flatMap((m) => m.files.map((f: Body) => f.id)) } })
const complaint = (b: Body) => ({ id: b.id as string, files: { kind: 'complaintPhoto', ids: (b.photos as Body[]).map((p) => p.id) } })

/** Every operation under /api/staff/: audited, or a one-line reason why it shows no citizen's data. */
const CLASSIFICATION: Record<string, Audited | string> = {
  'GET /api/staff/me': "the caller's own staff profile",
  'GET /api/staff/matters': 'service guides of the department',
  'PATCH /api/staff/matters/{id}': 'service guide edit (audited as guide.update)',
  'GET /api/staff/calendar': 'holidays and working days',
  'PUT /api/staff/calendar/{date}': 'a calendar day (audited as calendar.override)',
  'DELETE /api/staff/calendar/{date}': 'a calendar day (audited as calendar.removeOverride)',
  'GET /api/staff/audit-log': "ids, actions and staff names only: the log holds no citizen's data",
  'GET /api/staff/ratings/statistics': 'aggregate counts and rates, no single rating or citizen',
  'GET /api/staff/payments/fee-items': "the matter's published fee items, nothing of the applicant",
  'GET /api/staff/appointments/templates': 'slot templates: halls, matters, times, capacities',
  'POST /api/staff/appointments/templates': 'slot templates: halls, matters, times, capacities',
  'PATCH /api/staff/appointments/templates/{id}': 'a slot template and counts of affected slots and citizens',
  'DELETE /api/staff/appointments/templates/{id}': 'no answer body',
  'GET /api/staff/appointments/closures': 'hall closures: halls, dates, reasons',
  'POST /api/staff/appointments/closures': 'a hall closure and the count of cancelled bookings',
  'DELETE /api/staff/appointments/closures/{id}': 'no answer body',

  'GET /api/staff/cases': { kind: 'case', list: items() },
  'POST /api/staff/cases': { kind: 'case', one: (b) => ({ id: b.case.id }) },
  'GET /api/staff/cases/{id}': { kind: 'case', one: byId },
  'POST /api/staff/cases/{id}/actions': { kind: 'case', one: byId },
  'PUT /api/staff/cases/{id}/delivery': { kind: 'case', one: byId },
  'POST /api/staff/cases/{id}/tolerance-fulfilled': { kind: 'case', one: byId },
  'GET /api/staff/supervision': { kind: 'case', list: (b) => b.overdue.map((c: Body) => c.id) },
  'GET /api/staff/notification-deliveries': { kind: 'notificationDelivery', list: items() },

  'GET /api/staff/prereviews': { kind: 'prereviewPart', list: items('partId') },
  'GET /api/staff/prereviews/{partId}': { kind: 'prereviewPart', one: part },
  'POST /api/staff/prereviews/{partId}/claim': { kind: 'prereviewPart', one: part },
  'POST /api/staff/prereviews/{partId}/release': { kind: 'prereviewPart', one: part },
  'PUT /api/staff/prereviews/{partId}/materials/{slotKey}': { kind: 'prereviewPart', one: part },
  'POST /api/staff/prereviews/{partId}/decision': { kind: 'prereviewPart', one: part },

  'GET /api/staff/appointments': { kind: 'appointment', list: items() },
  'POST /api/staff/appointments/check-in': { kind: 'appointment', one: byId },
  'POST /api/staff/appointments/call-next': { kind: 'appointment', one: (b) => ({ id: b.appointment?.id ?? null }) },
  'GET /api/staff/appointments/{id}': { kind: 'appointment', one: byId },
  'POST /api/staff/appointments/{id}/check-in': { kind: 'appointment', one: byId },
  'POST /api/staff/appointments/{id}/served': { kind: 'appointment', one: byId },
  'POST /api/staff/appointments/{id}/no-show': { kind: 'appointment', one: byId },

  'GET /api/staff/payments': { kind: 'feeOrder', list: items() },
  'POST /api/staff/payments': { kind: 'feeOrder', one: byId },
  'GET /api/staff/payments/{id}': { kind: 'feeOrder', one: byId },
  'POST /api/staff/payments/{id}/cancel': { kind: 'feeOrder', one: byId },
  'POST /api/staff/payments/{id}/refund': { kind: 'feeOrder', one: byId },

  'GET /api/staff/ratings': { kind: 'rating', list: items() },
  'GET /api/staff/ratings/{id}': { kind: 'rating', one: byId },
  'POST /api/staff/ratings/{id}/verify': { kind: 'rating', one: byId },
  'POST /api/staff/ratings/{id}/rectify': { kind: 'rating', one: byId },
  'POST /api/staff/ratings/{id}/appeal': { kind: 'rating', one: byId },
  'POST /api/staff/ratings/{id}/appeal/decision': { kind: 'rating', one: byId },

  'GET /api/staff/complaints': { kind: 'complaint', list: items() },
  'GET /api/staff/complaints/{id}': { kind: 'complaint', one: complaint },
  'POST /api/staff/complaints/{id}/actions': { kind: 'complaint', one: complaint },
}

/** Calls whose proving answer may legitimately show nobody (then nothing is recorded). */
const MAY_SHOW_NOBODY = new Set(['GET /api/staff/supervision', 'POST /api/staff/appointments/call-next', 'GET /api/staff/notification-deliveries'])

interface Row {
  id: number
  staff_id: string | null
  action: string
  target_kind: string
  target_id: string
  detail: Record<string, unknown>
}

let t: TestApp
let fx: Fixture
const specOps: string[] = []
const staffIds: Partial<Record<Role, string>> = {}
/** Personal data of citizen A and of the cases made for A: none may appear in a row. */
let personal: string[] = []

const sql = (text: string, params: unknown[] = []) => t.db.database.pool.query(text, params)
const lastId = async () => Number((await sql(`SELECT coalesce(max(id), 0) AS n FROM audit_log`)).rows[0].n)
const rowsAfter = async (id: number): Promise<Row[]> =>
  (await sql(`SELECT id, staff_id, action, target_kind, target_id, detail FROM audit_log WHERE id > $1 ORDER BY id`, [id])).rows.map((r) => ({ ...r, id: Number(r.id) }))
const readsAfter = async (id: number) => (await rowsAfter(id)).filter((r) => r.action.startsWith('read'))
const as = (role: Role, url: string, method = 'GET', payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: fx.headers[role], ...(payload ? { payload } : {}) })

before(async () => {
  t = await startTestApp()
  specOps.push(...(await apiOperations(t.app)))
  fx = await buildFixture(t)
  for (const role of ['d1Window', 'd1Lead', 'd2Window', 'admin'] as const) staffIds[role] = (await as(role, '/api/staff/me')).json().id
  const a = (await sql(`SELECT phone, real_name, id_number FROM citizens WHERE id = $1`, [fx.a.id])).rows[0]
  personal = [a.phone, a.real_name, a.id_number, '张三丰', VALID_ID, '玉门市新市区建设路', complaintBody().content as string, '等了很久'].filter(Boolean)
  assert.ok(personal.length >= 7)
})
after(() => t?.close())

describe('every staff operation is classified', () => {
  test('each /api/staff/ operation of the OpenAPI document is audited or has a reason, and no entry is stale', () => {
    const staffOps = specOps.filter((op) => op.split(' ')[1].startsWith('/api/staff/'))
    assert.ok(staffOps.length > 40, `found ${staffOps.length} staff operations`)
    const missing = staffOps.filter((op) => !(op in CLASSIFICATION))
    assert.deepEqual(missing, [], `classify in auditReads.test.ts (audited, or a reason why no personal data): ${missing.join(', ')}`)
    const stale = Object.keys(CLASSIFICATION).filter((op) => !staffOps.includes(op))
    assert.deepEqual(stale, [], 'entries for operations that no longer exist')
    for (const [op, c] of Object.entries(CLASSIFICATION)) {
      if (typeof c === 'string') assert.ok(c.length >= 8, `${op}: give the reason`)
      else assert.ok(matrix[op], `${op}: audited operations are proven with the access matrix's request`)
    }
  })

  const audited = Object.entries(CLASSIFICATION).filter((e): e is [string, Audited] => typeof e[1] !== 'string')
  // Reads first, then writes on fresh resources (as the access matrix does).
  const ordered = [...audited.filter(([op]) => op.startsWith('GET ')), ...audited.filter(([op]) => !op.startsWith('GET '))]
  for (const [op, c] of ordered) {
    test(`${op} records exactly what it showed`, async () => {
      const entry = matrix[op]
      const role = entry.probe ?? (['d1Window', 'd1Lead', 'admin'] as Role[]).find((r) => entry.ok === 'public' || entry.ok.includes(r))!
      assert.ok(role, `${op}: no staff role may call it`)
      const build = entry.write && !entry.repeatable && entry.fresh ? entry.fresh : entry.request!
      const req: Req = await build(fx, role)
      const before = await lastId()
      const res = await t.app.inject({
        method: op.split(' ')[0] as 'GET',
        url: req.url,
        headers: { ...fx.headers[role], ...req.headers },
        ...(req.payload !== undefined ? { payload: req.payload as object } : {}),
      })
      assert.ok(res.statusCode < 300, `${op} as ${role}: ${res.statusCode} ${res.body}`)
      const body = res.statusCode === 204 ? null : res.json()
      const reads = await readsAfter(before)
      const expected: Array<Omit<Row, 'id' | 'detail'> & { detail?: Record<string, unknown> }> = []
      if (c.list) {
        const ids = c.list(body)
        if (ids.length) {
          expected.push({
            staff_id: staffIds[role]!,
            action: 'read.list',
            target_kind: c.kind,
            target_id: ids.length === 1 ? ids[0] : 'list',
            detail: { ids, count: ids.length },
          })
        }
      } else {
        const shown = c.one!(body)
        if (shown.id) {
          expected.push({ staff_id: staffIds[role]!, action: 'read', target_kind: c.kind, target_id: shown.id })
          for (const f of shown.files?.ids ?? []) expected.push({ staff_id: staffIds[role]!, action: 'read.file', target_kind: shown.files!.kind, target_id: f })
        }
      }
      if (!MAY_SHOW_NOBODY.has(op)) assert.ok(expected.length > 0, `${op}: the proving request showed nobody (${res.body.slice(0, 200)})`)
      assert.deepEqual(
        reads.map((r) => ({ staff_id: r.staff_id, action: r.action, target_kind: r.target_kind, target_id: r.target_id, ...(r.action === 'read.list' ? { detail: r.detail } : {}) })),
        expected,
      )
    })
  }
})

describe('reads of single objects and lists', () => {
  test("a D1 window reading A's case writes one row: who, case, which", async () => {
    const before = await lastId()
    assert.equal((await as('d1Window', `/api/staff/cases/${fx.openCase.id}`)).statusCode, 200)
    const rows = await rowsAfter(before)
    assert.deepEqual(
      rows.map((r) => [r.staff_id, r.action, r.target_kind, r.target_id, r.detail]),
      [[staffIds.d1Window, 'read', 'case', fx.openCase.id, {}]],
    )
  })

  test("a pre-review part records the part and each page URL given (A's page among them)", async () => {
    const before = await lastId()
    const res = await as('d1Lead', `/api/staff/prereviews/${fx.prereview.partId}`)
    assert.equal(res.statusCode, 200, res.body)
    const rows = await rowsAfter(before)
    assert.deepEqual(rows[0] && [rows[0].action, rows[0].target_kind, rows[0].target_id], ['read', 'prereviewPart', fx.prereview.partId])
    const files = rows.filter((r) => r.action === 'read.file')
    assert.ok(files.some((r) => r.target_kind === 'prereviewFile' && r.target_id === fx.prereview.fileId), 'the page of the fixture')
    assert.ok(files.every((r) => r.staff_id === staffIds.d1Lead && r.detail.viaId === fx.prereview.partId))
  })

  test("a complaint with a photo records the photo's URL grant", async () => {
    const photo = await uploadPhotoOk(t, fx.headers.citizenA as { authorization: string })
    const caseId = (await fx.make.openCase()).id
    const filed = await t.app.inject({ method: 'POST', url: '/api/complaints', headers: fx.headers.citizenA, payload: complaintBody({ caseId, photoIds: [photo.id] }) })
    assert.equal(filed.statusCode, 201, filed.body)
    const before = await lastId()
    assert.equal((await as('d1Window', `/api/staff/complaints/${filed.json().id}`)).statusCode, 200)
    const rows = await rowsAfter(before)
    assert.deepEqual(
      rows.map((r) => [r.action, r.target_kind, r.target_id]),
      [
        ['read', 'complaint', filed.json().id],
        ['read.file', 'complaintPhoto', photo.id],
      ],
    )
  })

  test('a queue records the ids it showed, A\'s case among them', async () => {
    const before = await lastId()
    const res = await as('d1Window', '/api/staff/cases?pageSize=50')
    const shown = res.json().items.map((c: { id: string }) => c.id)
    assert.ok(shown.includes(fx.openCase.id))
    const [row, ...more] = await rowsAfter(before)
    assert.equal(more.length, 0)
    assert.deepEqual([row.action, row.target_kind, row.detail], ['read.list', 'case', { ids: shown, count: shown.length }])
  })

  test('an unrecorded read is not served: when the row cannot be written the answer is an error without the data', async () => {
    // The audit table refusing writes (as when its disk is full or its permissions are lost).
    await sql(`CREATE FUNCTION audit_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log unavailable'; END $$`)
    await sql(`CREATE TRIGGER audit_test_refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_test_refuse()`)
    try {
      const res = await as('d1Window', `/api/staff/cases/${fx.openCase.id}`)
      assert.equal(res.statusCode, 500)
      assert.ok(!res.body.includes(fx.openCase.number) && !res.body.includes('张'), res.body)
      const list = await as('d1Window', '/api/staff/cases')
      assert.equal(list.statusCode, 500)
      assert.ok(!list.body.includes(fx.openCase.id))
    } finally {
      await sql(`DROP TRIGGER audit_test_refuse ON audit_log`)
      await sql(`DROP FUNCTION audit_test_refuse()`)
    }
  })
})

describe('what is not recorded', () => {
  test("refused reads (another department's object, a citizen or anonymous on a staff route) record nothing", async () => {
    const before = await lastId()
    const tries: Array<[Role, string, number[]]> = [
      ['d2Window', `/api/staff/cases/${fx.openCase.id}`, [403, 404]],
      ['d2Window', `/api/staff/prereviews/${fx.prereview.partId}`, [403, 404]],
      ['d2Window', `/api/staff/payments/${fx.order.id}`, [403, 404]],
      ['d2Window', `/api/staff/complaints/${fx.complaint.id}`, [403, 404]],
      ['d2Window', `/api/staff/appointments/${fx.booking.id}`, [403, 404]],
      ['citizenA', `/api/staff/cases/${fx.openCase.id}`, [403]],
      ['anonymous', `/api/staff/cases/${fx.openCase.id}`, [401]],
      ['d1Window', `/api/staff/notification-deliveries`, [403]],
    ]
    for (const [role, url, statuses] of tries) {
      const res = await as(role, url)
      assert.ok(statuses.includes(res.statusCode), `${role} ${url}: ${res.statusCode}`)
    }
    assert.deepEqual(await rowsAfter(before), [])
  })

  test('a citizen reading their own data writes nothing', async () => {
    const before = await lastId()
    const urls = [
      '/api/me',
      '/api/cases',
      `/api/cases/${fx.openCase.id}`,
      `/api/prereviews/${fx.prereview.id}`,
      `/api/payments/${fx.order.id}`,
      `/api/complaints/${fx.complaint.id}`,
      `/api/appointments`,
      '/api/notifications',
      fx.prereview.fileUrl,
    ]
    for (const url of urls) assert.equal((await as('citizenA', url)).statusCode, 200, url)
    assert.deepEqual(await rowsAfter(before), [])
  })

  test('no row holds a phone, an ID number, a name, an address or a text (not even masked)', async () => {
    const rows = (await sql(`SELECT staff_id, action, target_kind, target_id, detail FROM audit_log`)).rows
    assert.ok(rows.filter((r) => r.action.startsWith('read')).length > 50)
    const text = JSON.stringify(rows)
    for (const value of personal) assert.ok(!text.includes(value), `a row holds ${value.slice(0, 3)}…`)
    assert.ok(!text.includes('*'), 'a masked value in a row')
  })
})

describe('GET /api/staff/audit-log', () => {
  test('admins filter by staff, kind, target (also lists that showed it), action and dates, newest first, paged', async () => {
    await as('d1Window', `/api/staff/cases/${fx.openCase.id}`)
    await as('d1Window', `/api/staff/payments/${fx.order.id}`)
    const get = async (q: string) => {
      const res = await as('admin', `/api/staff/audit-log?${q}`)
      assert.equal(res.statusCode, 200, res.body)
      return res.json()
    }
    const mine = await get(`staffId=${staffIds.d1Window}&pageSize=2`)
    assert.equal(mine.items.length, 2)
    assert.ok(mine.total > 2)
    assert.deepEqual([mine.items[0].targetKind, mine.items[0].targetId], ['feeOrder', fx.order.id], 'newest first')
    assert.deepEqual([mine.items[1].targetKind, mine.items[1].targetId], ['case', fx.openCase.id])
    assert.deepEqual(mine.items[0].staff, { id: staffIds.d1Window, username: 'scjg.window', displayName: mine.items[0].staff.displayName, department: mine.items[0].staff.department })
    assert.ok(mine.items[0].staff.displayName && mine.items[0].staff.department?.name, 'display name and department')
    const second = await get(`staffId=${staffIds.d1Window}&pageSize=1&page=2`)
    assert.equal(second.items[0].id, mine.items[1].id, 'page 2 of size 1 is the second newest')
    assert.ok(mine.items[0].id > mine.items[1].id)

    const ofCase = await get(`targetId=${fx.openCase.id}&pageSize=50`)
    assert.ok(ofCase.items.length > 0)
    assert.ok(ofCase.items.every((r: Body) => r.targetId === fx.openCase.id || (r.detail.ids as string[]).includes(fx.openCase.id)))
    assert.ok(ofCase.items.some((r: Body) => r.action === 'read.list'), 'the queues that showed it')
    assert.ok(ofCase.items.some((r: Body) => r.action === 'case.register'), 'actions too')

    const lists = await get(`action=read.list&targetKind=case&pageSize=50`)
    assert.ok(lists.items.length > 0 && lists.items.every((r: Body) => r.action === 'read.list' && r.targetKind === 'case'))
    const files = await get(`targetKind=prereviewFile&targetId=${fx.prereview.fileId}`)
    assert.ok(files.items.length > 0 && files.items.every((r: Body) => r.action === 'read.file'))

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    assert.equal((await get(`from=${today}&to=${today}&pageSize=1`)).total, (await get('pageSize=1')).total, 'everything happened today (Shanghai)')
    assert.equal((await get('from=2020-01-01&to=2020-12-31')).total, 0)
    assert.equal((await as('d1Lead', `/api/staff/appointments/${fx.booking.id}`)).statusCode, 200)
    const booking = await get(`staffId=${staffIds.d1Lead}&targetKind=appointment&action=read&targetId=${fx.booking.id}`)
    assert.equal(booking.total, 1)
    assert.equal(booking.items[0].staff.username, 'scjg.lead')
  })

  test('a date that does not exist or a reversed range is a 400 naming the field', async () => {
    const bad = await as('admin', '/api/staff/audit-log?from=2027-02-31')
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.json().field, 'from')
    const reversed = await as('admin', '/api/staff/audit-log?from=2027-03-02&to=2027-03-01')
    assert.equal(reversed.statusCode, 400)
  })

  test('refused to window staff, leads and citizens; anonymous must sign in', async () => {
    for (const role of ['d1Window', 'd1Lead', 'd2Window', 'citizenA'] as Role[]) assert.equal((await as(role, '/api/staff/audit-log')).statusCode, 403, role)
    assert.equal((await as('anonymous', '/api/staff/audit-log')).statusCode, 401)
  })
})
