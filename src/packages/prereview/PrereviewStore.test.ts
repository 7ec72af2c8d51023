import type { PrereviewsApi } from '../../api/prereviews'
import type { PrereviewDetail, PrereviewForm, MaterialState, PrereviewTarget } from '../../../types/prereviews'
import { apiError, deferred, testStore } from '../../testing/fakeApi'
import { citizenProfile, FUTURE } from '../../testing/fixtures'
import { memoryStorage } from '../../stores/storage'
import { DRAFTS_STORAGE_PREFIX } from './draftRecord'
import { prereviewOf } from './prereviewOf'
import { SAVE_DELAY_MS } from './PrereviewStore'

type FakeClient = { [M in keyof PrereviewsApi]: PrereviewsApi[M] & jest.Mock }

function fakeClient(): FakeClient {
  const methods: (keyof PrereviewsApi)[] = ['form', 'create', 'list', 'get', 'patch', 'remove', 'removeFile', 'submit', 'withdraw', 'subscriptionTemplates', 'bundles']
  return Object.fromEntries(
    methods.map((m) => [m, jest.fn(() => Promise.reject(new Error(`unexpected call: prereviews.${m}`)))]),
  ) as unknown as FakeClient
}

const MATTER = '00000000-0000-4000-8000-0000000000a1'
const DRAFT_ID = '00000000-0000-4000-8000-0000000000d1'
const KEY_1 = '00000000-0000-4000-8000-0000000000c1'
const KEY_2 = '00000000-0000-4000-8000-0000000000c2'
const OLD_KEY = '00000000-0000-4000-8000-0000000000c9'
const CITIZEN = '00000000-0000-4000-8000-0000000000e1'
const target: PrereviewTarget = { kind: 'matter', matterId: MATTER }

function material(key: string, overrides: Partial<MaterialState> = {}): MaterialState {
  return {
    slot: { key, name: `材料${key.slice(-1)}`, issuer: '申请人', required: true, acceptsTolerance: false, notes: '', template: null, sample: null, matterIds: [MATTER] },
    files: [],
    earlierFiles: [],
    reviews: [],
    editable: true,
    ...overrides,
  }
}

const form: PrereviewForm = {
  target,
  title: '个体工商户设立登记',
  parts: [{ matterId: MATTER, matterName: '个体工商户设立登记', departmentName: '市场监管局' }],
  fields: [{ key: 'shopName', label: '店名', kind: 'text', required: true }],
  materials: [material('00000000-0000-4000-8000-0000000000f1').slot],
  visitsRequired: 1,
}

function detail(overrides: Partial<PrereviewDetail> = {}): PrereviewDetail {
  return {
    id: DRAFT_ID,
    number: null,
    title: form.title,
    status: 'draft',
    round: 0,
    updatedAt: '2026-11-22T08:00:00.000Z',
    submittedAt: null,
    target,
    form: form.fields,
    fields: {},
    delivery: null,
    applicant: { nameMasked: '张*', idNumberMasked: '1101**********002X', phoneMasked: '138****5678' },
    materials: [material('00000000-0000-4000-8000-0000000000f1')],
    parts: [],
    history: [],
    limits: { maxFileBytes: 10_485_760, maxTotalBytes: 62_914_560, usedBytes: 0 },
    canSubmit: true,
    canWithdraw: false,
    ...overrides,
  }
}

/** A signed-in citizen, the store on a fake client, and the device storage it writes to. */
async function setup(storage = memoryStorage(), now = () => new Date('2026-11-22T09:00:00.000Z')) {
  const { store, api } = testStore({ storage })
  api.auth.signInWithSms.mockResolvedValue({ token: 't', expiresAt: FUTURE, profile: citizenProfile({ id: CITIZEN }) })
  await store.session.signInWithSms('13812345678', '123456')
  const client = fakeClient()
  const keys = [KEY_1, KEY_2]
  const prereviews = prereviewOf(store, client, { storage, citizenId: () => store.session.citizen?.id ?? null, now, newKey: () => keys.shift()! })
  client.form.mockResolvedValue(form)
  return { store, api, client, storage, prereviews }
}

const deviceDrafts = (storage: ReturnType<typeof memoryStorage>) => JSON.parse(storage.get(`${DRAFTS_STORAGE_PREFIX}${CITIZEN}`) ?? '{}')

afterEach(() => jest.useRealTimers())

describe('creating the draft', () => {
  it('saves the client key on the device before the request and sends the same key on a retry', async () => {
    const { client, storage, prereviews } = await setup()
    client.create.mockImplementationOnce(() => {
      // The key is already on the device while the request is on its way.
      expect(deviceDrafts(storage)[`matter:${MATTER}`].clientKey).toBe(KEY_1)
      return Promise.reject(apiError(0, '网络连接失败，请检查网络后重试'))
    })
    await prereviews.openDraft(target)
    expect(prereviews.draft(target)?.status).toBe('error')

    client.create.mockResolvedValueOnce(detail())
    await prereviews.openDraft(target)
    expect(client.create).toHaveBeenCalledTimes(2)
    expect(client.create.mock.calls.map(([request]) => request.clientKey)).toEqual([KEY_1, KEY_1])
    expect(prereviews.draft(target)).toMatchObject({ status: 'ready', id: DRAFT_ID })
    expect(deviceDrafts(storage)[`matter:${MATTER}`]).toMatchObject({ clientKey: KEY_1, id: DRAFT_ID })
  })

  it('after an app restart reuses the key of a draft whose creation never answered', async () => {
    const storage = memoryStorage()
    const first = await setup(storage)
    first.client.create.mockReturnValue(new Promise(() => undefined)) // the app dies mid-request
    void first.prereviews.openDraft(target)
    await Promise.resolve()
    await new Promise((r) => setTimeout(r, 0))

    const second = await setup(storage) // a new RootStore on the same device
    second.client.create.mockResolvedValue(detail())
    await second.prereviews.openDraft(target)
    expect(second.client.create).toHaveBeenCalledWith({ clientKey: KEY_1, target })
  })
})

describe('restoring a draft', () => {
  it('restores typed fields from the device when the server never got them, and sends them', async () => {
    jest.useFakeTimers()
    const storage = memoryStorage()
    storage.set(
      `${DRAFTS_STORAGE_PREFIX}${CITIZEN}`,
      JSON.stringify({
        [`matter:${MATTER}`]: {
          clientKey: KEY_1,
          id: DRAFT_ID,
          fields: { shopName: '老王面馆' },
          delivery: { mode: 'hall' },
          editedAt: '2026-11-22T08:30:00.000Z',
          dirty: true,
        },
      }),
    )
    const { client, prereviews } = await setup(storage)
    client.get.mockResolvedValue(detail({ fields: { shopName: '老王' }, updatedAt: '2026-11-22T08:00:00.000Z' }))
    await prereviews.openDraft(target)
    expect(client.create).not.toHaveBeenCalled()
    expect(prereviews.draft(target)?.fields).toEqual({ shopName: '老王面馆' })
    expect(prereviews.draft(target)?.delivery).toEqual({ mode: 'hall' })

    client.patch.mockResolvedValue(detail({ fields: { shopName: '老王面馆' } }))
    await jest.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    expect(client.patch).toHaveBeenCalledWith(DRAFT_ID, { fields: { shopName: '老王面馆' }, delivery: { mode: 'hall' } })
    expect(deviceDrafts(storage)[`matter:${MATTER}`].dirty).toBe(false)
  })

  it('takes the server’s fields when they are newer, and its files always', async () => {
    const storage = memoryStorage()
    storage.set(
      `${DRAFTS_STORAGE_PREFIX}${CITIZEN}`,
      JSON.stringify({
        [`matter:${MATTER}`]: { clientKey: KEY_1, id: DRAFT_ID, fields: { shopName: '旧名' }, delivery: null, editedAt: '2026-11-22T07:00:00.000Z', dirty: true },
      }),
    )
    const { client, prereviews } = await setup(storage)
    const file = { id: '00000000-0000-4000-8000-0000000000b1', mimeType: 'image/jpeg' as const, bytes: 1000, round: 0, url: '/api/files/x', urlExpiresAt: FUTURE, uploadedAt: '2026-11-22T07:30:00.000Z' }
    client.get.mockResolvedValue(
      detail({ fields: { shopName: '新名' }, updatedAt: '2026-11-22T08:00:00.000Z', materials: [material('00000000-0000-4000-8000-0000000000f1', { files: [file] })] }),
    )
    await prereviews.openDraft(target)
    expect(prereviews.draft(target)?.fields).toEqual({ shopName: '新名' })
    expect(prereviews.prereviewById(DRAFT_ID)?.materials[0].files).toEqual([file])
    expect(deviceDrafts(storage)[`matter:${MATTER}`]).toMatchObject({ fields: { shopName: '新名' }, dirty: false })
  })

  it('starts a new draft when the one on the device was submitted elsewhere', async () => {
    const storage = memoryStorage()
    storage.set(
      `${DRAFTS_STORAGE_PREFIX}${CITIZEN}`,
      JSON.stringify({ [`matter:${MATTER}`]: { clientKey: OLD_KEY, id: DRAFT_ID, fields: {}, delivery: null, editedAt: null, dirty: false } }),
    )
    const { client, prereviews } = await setup(storage)
    client.get.mockResolvedValue(detail({ status: 'submitted' }))
    client.create.mockResolvedValue(detail({ id: '00000000-0000-4000-8000-0000000000d2' }))
    await prereviews.openDraft(target)
    // A fresh key: the old one would answer the submitted pre-review again.
    expect(client.create).toHaveBeenCalledWith({ clientKey: KEY_1, target })
    expect(prereviews.draft(target)?.id).toBe('00000000-0000-4000-8000-0000000000d2')
  })
})

describe('saving as the citizen types', () => {
  it('writes the device copy at once and the server copy once, after the typing stops', async () => {
    jest.useFakeTimers()
    const { client, storage, prereviews } = await setup()
    client.create.mockResolvedValue(detail())
    await prereviews.openDraft(target)
    client.patch.mockResolvedValue(detail({ fields: { shopName: '老王面馆' } }))

    for (const value of ['老', '老王', '老王面', '老王面馆']) {
      prereviews.setField(target, 'shopName', value)
      await jest.advanceTimersByTimeAsync(SAVE_DELAY_MS / 4)
    }
    expect(deviceDrafts(storage)[`matter:${MATTER}`]).toMatchObject({ fields: { shopName: '老王面馆' }, dirty: true })
    expect(client.patch).not.toHaveBeenCalled()

    await jest.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    expect(client.patch).toHaveBeenCalledTimes(1)
    expect(client.patch).toHaveBeenCalledWith(DRAFT_ID, { fields: { shopName: '老王面馆' } })
    expect(deviceDrafts(storage)[`matter:${MATTER}`].dirty).toBe(false)
  })

  it('keeps the change marked unsent when the save fails, and says so', async () => {
    jest.useFakeTimers()
    const { client, storage, prereviews } = await setup()
    client.create.mockResolvedValue(detail())
    await prereviews.openDraft(target)
    client.patch.mockRejectedValue(apiError(0, '网络连接失败，请检查网络后重试'))
    prereviews.setDelivery(target, { mode: 'mail', address: '玉门' })
    await jest.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    // An address still being typed (under 5 characters) is not sent: the contract would refuse it.
    expect(client.patch).toHaveBeenCalledWith(DRAFT_ID, { fields: {}, delivery: { mode: 'mail' } })
    expect(prereviews.draft(target)?.saveError).toContain('同步到服务器失败')
    expect(deviceDrafts(storage)[`matter:${MATTER}`]).toMatchObject({ dirty: true, delivery: { mode: 'mail', address: '玉门' } })
  })
})

describe('submitting', () => {
  it('sends one request for a double tap, flushes pending fields first and forgets the device copy', async () => {
    jest.useFakeTimers()
    const { client, storage, prereviews } = await setup()
    client.create.mockResolvedValue(detail())
    await prereviews.openDraft(target)
    prereviews.setField(target, 'shopName', '老王面馆')
    client.patch.mockResolvedValue(detail({ fields: { shopName: '老王面馆' } }))
    const answer = deferred<PrereviewDetail>()
    client.submit.mockReturnValue(answer.promise)

    const first = prereviews.submit(DRAFT_ID, ['tpl-1', 'tpl-2'])
    const second = prereviews.submit(DRAFT_ID, ['tpl-1', 'tpl-2'])
    expect(second).toBe(first)
    expect(prereviews.isSubmitting(DRAFT_ID)).toBe(true)
    await jest.advanceTimersByTimeAsync(0)
    answer.resolve(detail({ status: 'submitted', number: 'YS20261122000001', round: 1 }))
    await first
    expect(client.patch).toHaveBeenCalledTimes(1)
    expect(client.patch.mock.invocationCallOrder[0]).toBeLessThan(client.submit.mock.invocationCallOrder[0])
    expect(client.submit).toHaveBeenCalledTimes(1)
    expect(client.submit).toHaveBeenCalledWith(DRAFT_ID, { subscriptions: ['tpl-1', 'tpl-2'] })
    expect(prereviews.isSubmitting(DRAFT_ID)).toBe(false)
    expect(prereviews.prereviewById(DRAFT_ID)?.status).toBe('submitted')
    expect(deviceDrafts(storage)[`matter:${MATTER}`]).toBeUndefined()
  })

  it('may be repeated after a failure (the server answers a repeat with the same result)', async () => {
    const { client, prereviews } = await setup()
    client.submit.mockRejectedValueOnce(apiError(0, '网络超时，请稍后重试'))
    await expect(prereviews.submit(DRAFT_ID)).rejects.toThrow('网络超时')
    client.submit.mockResolvedValueOnce(detail({ status: 'submitted' }))
    await expect(prereviews.submit(DRAFT_ID)).resolves.toMatchObject({ status: 'submitted' })
    expect(client.submit).toHaveBeenCalledTimes(2)
  })
})

describe('correction (补正)', () => {
  it('asks only for the materials a reviewer returned', async () => {
    const { client, prereviews } = await setup()
    const partId = '00000000-0000-4000-8000-0000000000aa'
    client.get.mockResolvedValue(
      detail({
        status: 'returned',
        round: 1,
        materials: [
          material('00000000-0000-4000-8000-0000000000f1', { reviews: [{ partId, departmentName: '市场监管局', round: 1, verdict: 'pass', reason: '' }] }),
          material('00000000-0000-4000-8000-0000000000f2', {
            reviews: [{ partId, departmentName: '市场监管局', round: 1, verdict: 'return', reason: '照片模糊，无法辨认，请在光线充足处重新拍摄' }],
          }),
        ],
      }),
    )
    await prereviews.loadPrereview(DRAFT_ID)
    const returned = prereviews.correction(DRAFT_ID)
    expect(returned.map((m) => m.slot.key)).toEqual(['00000000-0000-4000-8000-0000000000f2'])
    expect(returned[0].reviews[0].reason).toContain('照片模糊')

    // Once resubmitted, nothing is asked for.
    client.submit.mockResolvedValue({ ...prereviews.prereviewById(DRAFT_ID)!, status: 'submitted', round: 2 })
    await prereviews.submit(DRAFT_ID)
    expect(prereviews.correction(DRAFT_ID)).toEqual([])
  })
})

describe('sign-out', () => {
  it('forgets every pre-review in memory and stops pending saves', async () => {
    jest.useFakeTimers()
    const { store, api, client, prereviews } = await setup()
    client.create.mockResolvedValue(detail())
    await prereviews.openDraft(target)
    client.list.mockResolvedValue({ items: [detail()], page: 1, pageSize: 20, total: 1 })
    await prereviews.mine.reload()
    prereviews.setField(target, 'shopName', '老王面馆')

    api.auth.signOut.mockResolvedValue(undefined)
    await store.session.signOut()
    await jest.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2)
    expect(client.patch).not.toHaveBeenCalled()
    expect(prereviews.draft(target)).toBeUndefined()
    expect(prereviews.prereviewById(DRAFT_ID)).toBeUndefined()
    expect(prereviews.mine.items).toHaveLength(0)
    expect(prereviewOf(store, client)).toBe(prereviews)
  })
})
