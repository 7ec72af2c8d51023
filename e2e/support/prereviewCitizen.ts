/**
 * The citizen's side of the pre-review journey (e2e/prereview-journey.test.ts).
 * The citizen signs in on the phone with an SMS code; the photos are made by
 * the phone's browser on a canvas. `E2E_PREREVIEW_CITIZEN=api` drives the
 * pre-review itself through the API (fetch) instead of its pages.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { currentPage, inputNamed, nutButton, textOf, waitForRoute, type PhoneBrowser } from './browser'
import { signInBySms } from './smsSignIn'
import { api, type Stack } from './stack'

export interface CitizenSide {
  /** 'ui' through the citizen pages, 'api' through fetch. */
  readonly mode: 'ui' | 'api'
  /** The material whose page is the 4000×3000 photo, once submitted. */
  bigPhoto: { materialName: string; bytes: number } | null
  /** The material the reviewer will return (the citizen photographs it again). */
  returnTarget: string
  /** Fills the form, attaches one page to each required material, submits. Answers the server's detail. */
  submit(matterId: string): Promise<any>
  /** Shows the returned material and its reason; answers the server's detail. */
  seeReturn(prereviewId: string, materialName: string, reason: string): Promise<any>
  /** Replaces the returned material's page and resubmits; answers the server's detail. */
  replaceAndResubmit(prereviewId: string, slotKey: string, materialName: string): Promise<any>
  /** The case number the citizen is shown for the passed pre-review. */
  seeCaseNumber(prereviewId: string): Promise<string>
}

export interface CitizenOptions {
  name: string
  shot: (name: string) => Promise<void>
  phone?: string
  idNumber?: string
}

/** The material photographed at 4000×3000 and the one returned, by name (个体工商户设立登记). */
const BIG_PHOTO_MATERIAL = '住所（经营场所）使用证明'
const RETURNED_MATERIAL = '经营者居民身份证'

export async function citizenSide(stack: Stack, browser: PhoneBrowser, options: CitizenOptions): Promise<CitizenSide> {
  const phone = options.phone ?? '13900012345'
  const idNumber = options.idNumber ?? '620981198801010014'
  const token = await signIn(stack, browser, phone, options)
  await declareRealName(stack, browser, token, options.name, idNumber)
  const mode = process.env.E2E_PREREVIEW_CITIZEN === 'api' ? 'api' : 'ui'
  return mode === 'api' ? apiCitizen(stack, browser, token, options) : uiCitizen(stack, browser, token, options)
}

/** SMS sign-in on the phone, as the citizen journey does it; returns the stored token. */
async function signIn(stack: Stack, browser: PhoneBrowser, phone: string, options: CitizenOptions): Promise<string> {
  const token = await signInBySms(stack, browser.page, phone)
  await options.shot('signed-in')
  return token
}

/** 实名: name and resident ID on the real-name page, which pre-review asks for before applying. */
async function declareRealName(stack: Stack, browser: PhoneBrowser, token: string, name: string, idNumber: string): Promise<void> {
  const { page } = browser
  await page.goto(`${stack.h5Url}/packages/account/pages/real-name/index`)
  await waitForRoute(page, '/packages/account/pages/real-name/index')
  const form = currentPage(page)
  await inputNamed(form, 'name').fill(name)
  await inputNamed(form, 'idNumber').fill(idNumber)
  await form.locator('.real-name-form__submit').click()
  await page.waitForURL((url) => url.pathname !== '/packages/account/pages/real-name/index')
  const profile = await api(stack, '/api/me', { token })
  assert.equal(profile.body.identityLevel, 'declared', `the real name was declared: ${JSON.stringify(profile.body)}`)
}

/**
 * A JPEG drawn on the phone's canvas: a paper-coloured page covered in lines
 * of dark text, so it is sharp and bright enough for the on-device check.
 */
export async function drawJpeg(page: Page, width: number, height: number, title: string): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height, title }) => {
      const canvas = document.createElement('canvas')
      canvas.width = width
      canvas.height = height
      const ctx = canvas.getContext('2d')!
      ctx.fillStyle = '#f6f3ea'
      ctx.fillRect(0, 0, width, height)
      ctx.fillStyle = '#1b1b1b'
      const line = Math.round(height / 32)
      ctx.font = `bold ${line * 2}px sans-serif`
      ctx.fillText(title, width * 0.08, line * 3)
      ctx.font = `${line * 0.7}px sans-serif`
      for (let y = line * 5, i = 1; y < height - line; y += line, i++) {
        ctx.fillText(`${i}. Yumen 88 Jianshe Rd. No.${1000 + i} ${title} ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(i % 13)} 0123456789`, width * 0.08, y)
      }
      ctx.strokeStyle = '#c0392b'
      ctx.lineWidth = line / 6
      ctx.beginPath()
      ctx.arc(width * 0.78, height * 0.78, height * 0.12, 0, Math.PI * 2)
      ctx.stroke()
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.9))
      const bytes = new Uint8Array(await blob.arrayBuffer())
      let text = ''
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(text)
    },
    { width, height, title },
  )
  const jpeg = Buffer.from(base64, 'base64')
  assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff], 'the canvas made a JPEG')
  return jpeg
}

/** The pixel size in a JPEG's first SOF marker. */
export function jpegSize(jpeg: Buffer): { width: number; height: number } {
  let i = 2
  while (i < jpeg.length) {
    const marker = jpeg[i + 1]
    const length = jpeg.readUInt16BE(i + 2)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7) }
    }
    i += 2 + length
  }
  throw new Error('no SOF marker in the JPEG')
}

async function upload(stack: Stack, token: string, prereviewId: string, slotKey: string, jpeg: Buffer, name: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), name)
  const res = await fetch(`${stack.apiUrl}/api/prereviews/${prereviewId}/materials/${slotKey}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  })
  assert.equal(res.status, 201, `upload ${name}: ${res.status} ${await res.text()}`)
}

/** Values the form accepts for each kind of field. */
function fieldValues(form: any[]): Record<string, string> {
  const values: Record<string, string> = {}
  for (const field of form) {
    if (!field.required) continue
    values[field.key] =
      field.kind === 'select' ? field.options[0] : field.kind === 'number' ? '3' : field.kind === 'date' ? '2026-12-01' : field.key === 'businessName' ? '玉门市李记小吃店' : '玉门市新市区建设路88号'
  }
  return values
}

function apiCitizen(stack: Stack, browser: PhoneBrowser, token: string, options: CitizenOptions): CitizenSide {
  const call = (path: string, init: { method?: string; body?: unknown } = {}) => api(stack, path, { token, ...init })
  const side: CitizenSide = {
    mode: 'api',
    bigPhoto: null,
    returnTarget: RETURNED_MATERIAL,
    async submit(matterId) {
      const created = await call('/api/prereviews', { method: 'POST', body: { clientKey: randomUUID(), target: { kind: 'matter', matterId } } })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      const draft = created.body
      const patched = await call(`/api/prereviews/${draft.id}`, { method: 'PATCH', body: { fields: fieldValues(draft.form), delivery: { mode: 'hall' } } })
      assert.equal(patched.status, 200, JSON.stringify(patched.body))
      for (const material of draft.materials.filter((m: any) => m.slot.required)) {
        const big = material.slot.name === BIG_PHOTO_MATERIAL
        const jpeg = await drawJpeg(browser.page, big ? 4000 : 1600, big ? 3000 : 1200, material.slot.name)
        if (big) {
          assert.deepEqual(jpegSize(jpeg), { width: 4000, height: 3000 })
          side.bigPhoto = { materialName: material.slot.name, bytes: jpeg.length }
        }
        await upload(stack, token, draft.id, material.slot.key, jpeg, `${material.slot.name}.jpg`)
      }
      const submitted = await call(`/api/prereviews/${draft.id}/submit`, { method: 'POST', body: {} })
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body))
      return submitted.body
    },
    async seeReturn(prereviewId, materialName, reason) {
      const detail = (await call(`/api/prereviews/${prereviewId}`)).body
      const material = detail.materials.find((m: any) => m.slot.name === materialName)
      assert.ok(material.reviews.some((r: any) => r.verdict === 'return' && r.reason === reason), JSON.stringify(material.reviews))
      assert.equal(material.editable, true, 'the returned material may be replaced')
      return detail
    },
    async replaceAndResubmit(prereviewId, slotKey, materialName) {
      // New pages of a returned material replace its old ones on resubmission (kept as earlierFiles).
      await upload(stack, token, prereviewId, slotKey, await drawJpeg(browser.page, 1600, 1200, `${materialName}（重拍）`), `${materialName}-2.jpg`)
      const submitted = await call(`/api/prereviews/${prereviewId}/submit`, { method: 'POST', body: {} })
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body))
      return submitted.body
    },
    async seeCaseNumber(prereviewId) {
      const detail = (await call(`/api/prereviews/${prereviewId}`)).body
      assert.equal(detail.status, 'passed')
      const number = detail.parts[0].receipt?.caseNumber as string
      assert.ok(number, 'the passed pre-review carries its case')
      // 我的办件 on the 进度 tab lists the new case.
      const { page } = browser
      await page.goto(`${stack.h5Url}/pages/progress/index`)
      await waitForRoute(page, '/pages/progress/index')
      const row = currentPage(page).locator('.my-cases__row').filter({ hasText: number })
      await row.first().waitFor()
      assert.ok((await textOf(row.first())).includes(number))
      await options.shot('my-cases')
      return number
    },
  }
  return side
}

function uiCitizen(stack: Stack, browser: PhoneBrowser, token: string, options: CitizenOptions): CitizenSide {
  const { page } = browser
  const call = (path: string) => api(stack, path, { token })
  const detailPath = '/packages/prereview/pages/detail/index'
  const card = (name: string) => currentPage(page).locator('.material-card').filter({ has: page.locator('.material-card__name', { hasText: name }) })

  /** + 相册 on a material's card, the phone's file chooser, then the upload until its page shows. */
  async function attach(name: string, jpeg: Buffer, fileName: string, pagesBefore: number) {
    const target = card(name).last()
    await target.scrollIntoViewIfNeeded()
    const chooser = page.waitForEvent('filechooser')
    await nutButton(target, '相册').click()
    await (await chooser).setFiles({ name: fileName, mimeType: 'image/jpeg', buffer: jpeg })
    // The photo is checked and compressed on the phone, then uploaded; a held photo would wait for the citizen.
    await target.locator('.material-card__page').nth(pagesBefore).waitFor({ timeout: 60_000 }).catch(async () => {
      const held = await target.locator('.material-card__held').count()
      const rows = await target.locator('.upload-row').allInnerTexts()
      throw new Error(`the page of ${name} did not appear (held: ${held}, uploads: ${rows.join(' | ')})`)
    })
  }

  const side: CitizenSide = {
    mode: 'ui',
    bigPhoto: null,
    returnTarget: RETURNED_MATERIAL,
    async submit(matterId) {
      await page.goto(`${stack.h5Url}/packages/guide/pages/detail/index?id=${matterId}`)
      await waitForRoute(page, '/packages/guide/pages/detail/index')
      await nutButton(currentPage(page), '在线预审').click()
      await waitForRoute(page, '/packages/prereview/pages/apply/index')
      const apply = currentPage(page)
      await apply.locator('.fields-form').waitFor()
      await options.shot('apply-empty')

      const form = (await api(stack, `/api/prereviews/form?matterId=${matterId}`)).body
      const values = fieldValues(form.fields)
      for (const field of form.fields.filter((f: any) => f.required)) {
        const input = field.kind === 'textarea'
          ? apply.locator('.fields-form .form-field').filter({ hasText: field.label }).locator('textarea')
          : inputNamed(apply, field.key)
        await input.fill(values[field.key])
      }
      await apply.locator('.delivery-picker__mode').filter({ hasText: '窗口领取' }).click()

      for (const material of form.materials.filter((m: any) => m.required)) {
        const big = material.name === BIG_PHOTO_MATERIAL
        const jpeg = await drawJpeg(page, big ? 4000 : 1600, big ? 3000 : 1200, material.name)
        if (big) assert.deepEqual(jpegSize(jpeg), { width: 4000, height: 3000 })
        await attach(material.name, jpeg, `${material.name}.jpg`, 0)
        if (big) side.bigPhoto = { materialName: material.name, bytes: jpeg.length }
      }
      await card(BIG_PHOTO_MATERIAL).scrollIntoViewIfNeeded()
      await options.shot('apply-materials')

      // The 4000×3000 photo went up compressed on the phone: at most 1 MB, still a 4:3 page.
      const draftId = new URL(page.url()).searchParams.get('id') ?? (await call('/api/prereviews?page=1&pageSize=5')).body.items[0]?.id
      assert.ok(draftId, 'the draft exists on the server')
      const draft = (await call(`/api/prereviews/${draftId}`)).body
      const bigFile = draft.materials.find((m: any) => m.slot.name === BIG_PHOTO_MATERIAL).files[0]
      assert.ok(bigFile.bytes <= 1024 * 1024, `the 4000×3000 photo was sent as ${bigFile.bytes} bytes (≤ 1 MB)`)
      const stored = Buffer.from(await (await fetch(`${stack.apiUrl}${bigFile.url}`)).arrayBuffer())
      const size = jpegSize(stored)
      assert.equal(size.width * 3, size.height * 4, `the stored photo keeps its 4:3 shape: ${JSON.stringify(size)}`)
      side.bigPhoto = { materialName: BIG_PHOTO_MATERIAL, bytes: bigFile.bytes }

      await nutButton(apply, '提交预审').click()
      await waitForRoute(page, detailPath)
      const id = new URL(page.url()).searchParams.get('id')!
      await currentPage(page).locator('.part-card').waitFor()
      await options.shot('submitted')
      return (await call(`/api/prereviews/${id}`)).body
    },
    async seeReturn(prereviewId, materialName, reason) {
      await page.goto(`${stack.h5Url}${detailPath}?id=${prereviewId}`)
      await waitForRoute(page, detailPath)
      const returned = currentPage(page).locator('.correction').locator('.material-card').filter({ hasText: materialName })
      await returned.waitFor()
      assert.ok((await textOf(returned.locator('.material-card__reason'))).includes(reason), 'the reason is shown on the returned material')
      assert.equal(await currentPage(page).locator('.correction .material-card').count(), 1, 'only the returned material is asked for')
      await options.shot('returned')
      return (await call(`/api/prereviews/${prereviewId}`)).body
    },
    async replaceAndResubmit(prereviewId, _slotKey, materialName) {
      const returned = currentPage(page).locator('.correction .material-card').filter({ hasText: materialName })
      const pagesBefore = await returned.locator('.material-card__page').count()
      const chooser = page.waitForEvent('filechooser')
      await nutButton(returned, '相册').click()
      await (await chooser).setFiles({ name: `${materialName}-2.jpg`, mimeType: 'image/jpeg', buffer: await drawJpeg(page, 1600, 1200, `${materialName}（重拍）`) })
      await returned.locator('.material-card__page').nth(pagesBefore).waitFor({ timeout: 60_000 })
      await options.shot('replaced')
      const resubmitted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/submit'))
      await nutButton(currentPage(page).locator('.correction'), '补正后重新提交').click()
      assert.equal((await resubmitted).status(), 200)
      await currentPage(page).locator('.correction').waitFor({ state: 'detached' })
      await options.shot('resubmitted')
      return (await call(`/api/prereviews/${prereviewId}`)).body
    },
    async seeCaseNumber(prereviewId) {
      await page.goto(`${stack.h5Url}${detailPath}?id=${prereviewId}`)
      await waitForRoute(page, detailPath)
      const receipt = currentPage(page).locator('.receipt-card')
      await receipt.waitFor()
      const number = await textOf(receipt.locator('.receipt-card__value').first())
      await receipt.scrollIntoViewIfNeeded()
      await options.shot('case-number')
      return number
    },
  }
  return side
}
