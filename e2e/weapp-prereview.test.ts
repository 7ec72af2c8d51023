/**
 * The compiled mini-program (dist/weapp) in Node with a stub `wx`
 * (support/wxStub.ts), against the real API on a seeded database: a signed-in
 * citizen with a declared real name opens 在线预审 for a service, the page
 * creates the draft through `wx.request`, each required material gets a page
 * picked with `wx.chooseMedia` and sent by `wx.uploadFile` as a real
 * multipart POST to the test server, and 提交预审 asks for subscribe messages
 * and submits. The server then holds the submitted pre-review with exactly
 * the bytes that were picked.
 */
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { PREREVIEW_STATUSES } from '../types/enums'
import { allNodes, loadMiniProgram, nutButton, textOf, trigger, until, type MiniProgram, type PageInstance, type RenderedNode } from './support/miniProgram'
import { api, startStack, weappDist, type Stack } from './support/stack'

/** The API origin a default weapp build bakes in (src/env.ts); the stub sends it to the test server instead. */
const BAKED_API_BASE = 'http://127.0.0.1:8787'
const PHONE = '13700007777'
const NAME = '赵小芳'
const ID_NUMBER = '620981199002020026'
const SESSION_KEY = 'paoyici.session'
const DRAFTS_KEY_PREFIX = 'paoyici.prereview.drafts.'
const APPLY_ROUTE = 'packages/prereview/pages/apply/index'
const DETAIL_ROUTE = 'packages/prereview/pages/detail/index'
/** Four subscribe templates configured: the submit tap asks for the first three (WeChat's limit). */
const TEMPLATE_ENV = {
  WECHAT_TEMPLATE_PREREVIEW_RESULT: 'tpl-prereview-result',
  WECHAT_TEMPLATE_CORRECTION_NEEDED: 'tpl-correction-needed',
  WECHAT_TEMPLATE_CASE_STEP: 'tpl-case-step',
  WECHAT_TEMPLATE_APPOINTMENT_REMINDER: 'tpl-appointment-reminder',
}

let stack: Stack
let mp: MiniProgram
let token: string
let citizenId: string
/** A service whose own form fields are all optional, so the smoke is about drafts, uploads and submission. */
let matter: { id: string; name: string }
let requiredSlots: Array<{ key: string; name: string }>

/** A JPEG as the server checks it (magic bytes), of a size that goes up as it is. */
const jpeg = (bytes: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(bytes - 4)])

before(async () => {
  assert.ok(existsSync(join(weappDist, 'app.js')), `${weappDist}/app.js is missing: run \`npm run build:weapp\` first`)
  stack = await startStack({ h5: false, env: TEMPLATE_ENV })
  mp = loadMiniProgram(weappDist, {
    rewrite: { baked: BAKED_API_BASE, target: stack.apiUrl },
    loginCode: () => stack.wechat.mintLoginCode('openid-prereview'),
  })

  // The citizen signs in with SMS and declares a real name (through the API, as the account pages would).
  const sent = await api(stack, '/api/auth/sms-codes', { method: 'POST', body: { phone: PHONE } })
  assert.equal(sent.status, 200, `POST /api/auth/sms-codes ${JSON.stringify(sent.body)}`)
  const session = await api(stack, '/api/auth/sms', { method: 'POST', body: { phone: PHONE, code: stack.sms.latestCode(PHONE) } })
  assert.equal(session.status, 200, `POST /api/auth/sms ${JSON.stringify(session.body)}`)
  token = session.body.token
  citizenId = session.body.profile.id
  const declared = await api(stack, '/api/me/real-name', { method: 'PUT', token, body: { name: NAME, idNumber: ID_NUMBER } })
  assert.equal(declared.status, 200, `PUT /api/me/real-name ${JSON.stringify(declared.body)}`)

  // A service taking online applications whose form fields are all optional.
  const page = (await api(stack, '/api/matters?page=1&pageSize=50')).body
  for (const m of page.items.filter((x: any) => x.flags.onlineApplication)) {
    const form = (await api(stack, `/api/prereviews/form?matterId=${m.id}`)).body
    if (form.fields.every((f: any) => !f.required) && form.materials.some((s: any) => s.required)) {
      matter = { id: m.id, name: m.name }
      requiredSlots = form.materials.filter((s: any) => s.required).map((s: any) => ({ key: s.key, name: s.name }))
      break
    }
  }
  assert.ok(matter, 'a service with only optional form fields and some required material')

  // The app launches with the stored session, as after an earlier sign-in.
  mp.stub.storage.set(SESSION_KEY, JSON.stringify({ kind: 'citizen', token, expiresAt: session.body.expiresAt }))
  mp.app.onLaunch?.(mp.toRealm({ path: APPLY_ROUTE, query: { matterId: matter.id }, scene: 1001 }))
  mp.app.onShow?.(mp.toRealm({ path: APPLY_ROUTE, query: { matterId: matter.id }, scene: 1001 }))
})

after(async () => {
  await until(() => (mp ? mp.stub.inFlight() === 0 : true), 5_000).catch(() => undefined)
  mp?.dispose()
  await stack?.close()
})

test('在线预审 in the mini-program: draft, pages sent by wx.uploadFile, submitted once', { timeout: 90_000 }, async () => {
  const apply = mp.openPage(APPLY_ROUTE, { matterId: matter.id })
  await until(() => materialCards(apply).length >= requiredSlots.length && textOf(apply.data.root).includes('提交预审'), 15_000).catch(() => {
    throw new Error(failure('the apply page never showed the form', apply))
  })

  // The draft: created through wx.request with a client key kept on the device.
  const creates = mp.stub.requests.filter((r) => r.method === 'POST' && r.url === `${BAKED_API_BASE}/api/prereviews`)
  assert.equal(creates.length, 1, 'one POST /api/prereviews')
  assert.equal(creates[0].status, 201, 'a new draft')
  const device = JSON.parse(String(mp.stub.storage.get(`${DRAFTS_KEY_PREFIX}${citizenId}`)))
  const record = device[`matter:${matter.id}`]
  assert.match(record.clientKey, /^[0-9a-f-]{36}$/, 'the client key is on the device')
  const createBody = mp.stub.calls.find((c) => c.api === 'request' && (c.args as any).method === 'POST' && String((c.args as any).url).endsWith('/api/prereviews'))?.args as any
  assert.equal((typeof createBody.data === 'string' ? JSON.parse(createBody.data) : createBody.data).clientKey, record.clientKey, 'the request sent the stored key')
  const draftId: string = record.id
  assert.ok(draftId, 'the device knows the server draft')
  assert.ok(textOf(apply.data.root).includes('赵*'), `the masked applicant: ${textOf(apply.data.root).slice(0, 200)}`)
  assert.ok(!textOf(apply.data.root).includes(NAME) && !textOf(apply.data.root).includes(ID_NUMBER), 'no full name or ID number on the page')

  // Submitting with nothing attached names the missing materials and sends nothing.
  trigger(mp, apply, byClassAndText(apply, 'delivery-picker__mode', '窗口领取'), 'tap')
  trigger(mp, apply, nutButton(apply, '提交预审'), 'tap')
  await until(() => textOf(apply.data.root).includes('请先上传全部必交材料'), 5_000).catch(() => {
    throw new Error(failure('no missing-materials notice', apply))
  })
  for (const slot of requiredSlots) assert.ok(textOf(apply.data.root).includes(slot.name), `${slot.name} named as missing`)
  assert.equal(submitRequests().length, 0, 'no submission with required materials missing')

  // One page per required material: picked from the album, sent by wx.uploadFile.
  const pages = new Map<string, Buffer>()
  for (const [index, slot] of requiredSlots.entries()) {
    const path = `wxfile://tmp/page-${index + 1}.jpg`
    const bytes = jpeg(20_000 + index * 1000)
    mp.stub.tempFiles.set(path, bytes)
    mp.stub.mediaPicks.push([path])
    pages.set(slot.key, bytes)
    trigger(mp, apply, addButton(apply, slot.key, '+ 相册'), 'tap')
    await until(() => mp.stub.uploads.length === index + 1 && mp.stub.uploads[index].status !== undefined, 15_000).catch(() => {
      throw new Error(failure(`${slot.name}: no upload`, apply))
    })
  }
  for (const [index, slot] of requiredSlots.entries()) {
    const upload = mp.stub.uploads[index]
    assert.equal(upload.sentTo, `${stack.apiUrl}/api/prereviews/${draftId}/materials/${slot.key}/files`, 'the material’s upload URL on the test server')
    assert.equal(upload.name, 'file', 'multipart field "file"')
    assert.equal(upload.status, 201, `${slot.name} stored`)
  }
  const uploadHeaders = mp.stub.calls.filter((c) => c.api === 'uploadFile').map((c) => (c.args as any).header?.Authorization)
  assert.ok(uploadHeaders.every((h) => h === `Bearer ${token}`), 'every upload carried the citizen’s token')
  await until(() => allNodes(apply.data.root).filter((n) => hasClass(n, 'material-card__thumb')).length === requiredSlots.length, 10_000).catch(() => {
    throw new Error(failure('the pages never showed as thumbnails', apply))
  })

  // 提交预审, tapped twice: the consent sheet is asked for in the tap, and one submission goes out.
  const templates = (await api(stack, '/api/subscriptions/templates')).body.templates as Array<{ templateId: string }>
  assert.ok(templates.length > 3, `the test server offers more templates than one tap may ask for: ${JSON.stringify(templates)}`)
  // The citizen allows the first template, refuses the second and has banned the third.
  const answers: Record<string, string> = { [templates[0].templateId]: 'accept', [templates[1].templateId]: 'reject', [templates[2].templateId]: 'ban' }
  ;(mp.stub.wx as any).requestSubscribeMessage = (options: any) => {
    mp.stub.calls.push({ api: 'requestSubscribeMessage', args: { tmplIds: [...options.tmplIds] } })
    const res = mp.toRealm({ errMsg: 'requestSubscribeMessage:ok', ...answers })
    if (options.success) return void setTimeout(() => (options.success(res), options.complete?.(res)), 0)
    return new Promise((resolve) => setTimeout(() => resolve(res), 0))
  }
  trigger(mp, apply, nutButton(apply, '提交预审'), 'tap')
  trigger(mp, apply, nutButton(apply, '提交预审'), 'tap')
  await until(() => navigations().some((c) => JSON.stringify(c.args).includes(DETAIL_ROUTE)), 15_000).catch(() => {
    throw new Error(failure('no navigation to the detail after submitting', apply))
  })
  assert.equal(submitRequests().length, 1, 'one POST …/submit for two taps')
  assert.equal(submitRequests()[0].status, 200)
  const asked = mp.stub.calls.filter((c) => c.api === 'requestSubscribeMessage')
  assert.equal(asked.length, 1, 'the subscribe sheet was asked for once')
  assert.deepEqual((asked[0].args as any).tmplIds, templates.slice(0, 3).map((t) => t.templateId), 'the server’s templates, at most 3')
  const submitted = mp.stub.calls.find((c) => c.api === 'request' && /\/submit$/.test(String((c.args as any).url)))?.args as any
  const submitBody = typeof submitted.data === 'string' ? JSON.parse(submitted.data) : submitted.data
  assert.deepEqual(submitBody, { subscriptions: [templates[0].templateId] }, 'only the accepted template is sent; refusals did not block the submission')
  assert.equal(mp.stub.storage.get(`${DRAFTS_KEY_PREFIX}${citizenId}`) ?? '', '', 'the device copy of the draft is gone')

  // The server holds the submitted pre-review with exactly the picked bytes.
  const detail = (await api(stack, `/api/prereviews/${draftId}`, { token })).body
  assert.equal(detail.status, 'submitted')
  assert.equal(detail.delivery?.mode, 'hall')
  for (const slot of requiredSlots) {
    const material = detail.materials.find((m: any) => m.slot.key === slot.key)
    assert.equal(material.files.length, 1, `${slot.name}: one page`)
    assert.equal(material.files[0].bytes, pages.get(slot.key)!.length, `${slot.name}: the bytes picked`)
    const file = await fetch(`${stack.apiUrl}${material.files[0].url}`)
    assert.equal(file.status, 200)
    assert.ok(Buffer.from(await file.arrayBuffer()).equals(pages.get(slot.key)!), `${slot.name}: the stored file is the picked one`)
  }

  // The detail page shows the status the server gave.
  const shown = mp.openPage(DETAIL_ROUTE, { id: draftId })
  await until(() => textOf(shown.data.root).includes(PREREVIEW_STATUSES.submitted) && textOf(shown.data.root).includes(detail.number), 10_000).catch(() => {
    throw new Error(failure('the detail page never showed the submitted pre-review', shown))
  })
  assert.deepEqual(mp.errors, [], 'the bundle logged no errors')
})

function hasClass(node: RenderedNode, name: string): boolean {
  return (node.cl ?? '').split(/\s+/).includes(name)
}

function materialCards(page: PageInstance): RenderedNode[] {
  return allNodes(page.data.root).filter((n) => hasClass(n, 'material-card'))
}

/** The add button of one material's card (cards carry `id="material-<slotKey>"`). */
function addButton(page: PageInstance, slotKey: string, label: string): RenderedNode {
  const card = materialCards(page).find((n) => n.uid === `material-${slotKey}` || n.id === `material-${slotKey}`)
  assert.ok(card, `no card for ${slotKey}: ${materialCards(page).map((c) => c.uid).join(', ')}`)
  const button = allNodes(card).find((n) => /(^|\s)nut-button(\s|$)/.test(n.cl ?? '') && textOf(n).trim() === label)
  assert.ok(button, `no "${label}" in the card of ${slotKey}`)
  return button
}

function byClassAndText(page: PageInstance, className: string, text: string): RenderedNode {
  const node = allNodes(page.data.root).find((n) => hasClass(n, className) && textOf(n).trim() === text)
  assert.ok(node, `no .${className} "${text}" on ${page.route}`)
  return node
}

function submitRequests() {
  return mp.stub.requests.filter((r) => r.method === 'POST' && /\/api\/prereviews\/[^/]+\/submit$/.test(r.url))
}

function navigations() {
  return mp.stub.calls.filter((c) => ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'].includes(c.api))
}

/** A failure message with what the page shows and what the bundle did. */
function failure(message: string, page: PageInstance): string {
  return [
    message,
    `  page text: ${textOf(page.data.root).slice(0, 400) || '(nothing rendered)'}`,
    `  requests: ${mp.stub.requests.map((r) => `${r.method} ${r.sentTo} → ${r.status ?? r.error ?? 'pending'}`).join(', ') || 'none'}`,
    `  uploads: ${mp.stub.uploads.map((u) => `${u.sentTo} → ${u.status ?? u.error ?? 'pending'}`).join(', ') || 'none'}`,
    `  navigation: ${navigations().map((c) => `${c.api} ${JSON.stringify(c.args)}`).join(', ') || 'none'}`,
    `  bundle errors: ${mp.errors.join(' | ') || 'none'}`,
    `  unstubbed wx APIs looked up: ${[...mp.stub.unknown].join(', ') || 'none'}`,
    `  wx calls: ${mp.stub.calls.map((c) => (c.api === 'showToast' || c.api === 'chooseMedia' ? `${c.api} ${JSON.stringify(c.args)}` : c.api)).join(', ')}`,
  ].join('\n')
}
