import { apiError, testStore } from '../../testing/fakeApi'
import { runInAction } from 'mobx'
import { COMPLAINT_CASE_ID, COMPLAINT_ID, complaintDetail, complaintPhoto, DEPARTMENT_ID, fakeComplaintsApi } from '../../testing/complaints'
import { memoryStorage, type KeyValueStorage } from '../../stores/storage'
import type { PickedFile } from '../prereview/upload'
import { complaintsOf, type ComplaintDeps } from './ComplaintStore'
import { DRAFT_STORAGE_PREFIX } from './complaintDraft'

const CITIZEN = 'citizen-1'
const KEY = '11111111-2222-4333-8444-555555555555'
const TEXT = '窗口工作人员态度生硬，不愿解释材料要求'
const file = (n: number, mimeType: PickedFile['mimeType'] = 'image/jpeg'): PickedFile => ({ path: `blob:photo-${n}`, mimeType, bytes: 2000 })
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup(options: { storage?: KeyValueStorage; sendPhoto?: ComplaintDeps['sendPhoto'] } = {}) {
  const { store } = testStore()
  const client = fakeComplaintsApi()
  const storage = options.storage ?? memoryStorage()
  const sendPhoto = jest.fn(options.sendPhoto ?? ((f: PickedFile) => Promise.resolve(complaintPhoto(Number(f.path.slice(-1))))))
  const complaints = complaintsOf(store, client, {
    storage,
    citizenId: () => CITIZEN,
    sendPhoto,
    newKey: () => KEY,
    queueOptions: { compress: (f) => Promise.resolve(f), wait: () => Promise.resolve() },
  })
  return { store, client, storage, sendPhoto, complaints }
}

describe('the draft', () => {
  it('is made once with its client key, kept on the device and found again after a restart', () => {
    const storage = memoryStorage()
    const first = setup({ storage }).complaints
    first.openDraft()
    first.update({ category: 'attitude', content: TEXT })
    expect(JSON.parse(storage.get(`${DRAFT_STORAGE_PREFIX}${CITIZEN}`)!)).toMatchObject({ clientKey: KEY, category: 'attitude', content: TEXT })

    const keys = jest.fn(() => 'another-key')
    const { store } = testStore()
    const again = complaintsOf(store, fakeComplaintsApi(), { storage, citizenId: () => CITIZEN, sendPhoto: jest.fn(), newKey: keys })
    again.openDraft({ caseId: COMPLAINT_CASE_ID })
    expect(again.draft).toMatchObject({ clientKey: KEY, content: TEXT, caseId: COMPLAINT_CASE_ID })
    expect(keys).not.toHaveBeenCalled()
  })

  it('refuses a missing category or a short text beside the field, sending nothing', async () => {
    const { client, complaints } = setup()
    complaints.openDraft()
    complaints.update({ content: '太慢了' })
    expect(await complaints.submit()).toEqual({
      ok: false,
      errors: { category: '请选择类别', content: '请写下具体情况（至少10个字，已写3个字）' },
    })
    expect(client.create).not.toHaveBeenCalled()
  })

  it('a linked case decides the department', () => {
    const { complaints } = setup()
    complaints.openDraft()
    complaints.update({ departmentId: DEPARTMENT_ID })
    complaints.update({ caseId: COMPLAINT_CASE_ID })
    expect(complaints.draft).toMatchObject({ caseId: COMPLAINT_CASE_ID, departmentId: null })
  })
})

describe('photos', () => {
  it('stages up to three photos on the server and keeps them with the draft', async () => {
    const { complaints, sendPhoto, storage } = setup()
    complaints.openDraft()
    expect(complaints.addPhotos([file(1), file(2), file(3), file(4)])).toBe('最多上传3张照片')
    await flush()
    await flush()
    expect(sendPhoto).toHaveBeenCalledTimes(3)
    expect(complaints.draft?.photos.map((p) => p.id)).toEqual([complaintPhoto(1).id, complaintPhoto(2).id, complaintPhoto(3).id])
    expect(complaints.pendingPhotos).toEqual([])
    expect(complaints.photoSlotsLeft).toBe(0)
    expect(complaints.photoSource(complaintPhoto(1))).toBe('blob:photo-1')
    expect(JSON.parse(storage.get(`${DRAFT_STORAGE_PREFIX}${CITIZEN}`)!).photos).toHaveLength(3)
    complaints.removePhoto(complaintPhoto(2).id)
    expect(complaints.photoSlotsLeft).toBe(1)
  })

  it('refuses a PDF and keeps a refused upload with the server’s reason; the draft cannot go until it is dealt with', async () => {
    const { complaints, client } = setup({ sendPhoto: () => Promise.reject(apiError(413, '照片不能超过10MB')) })
    complaints.openDraft()
    expect(complaints.addPhotos([file(1, 'application/pdf'), file(2)])).toBe('只能上传照片（JPG、PNG、HEIC）')
    await flush()
    await flush()
    expect(complaints.pendingPhotos.map((item) => [item.state, item.error])).toEqual([['failed', '照片不能超过10MB']])
    complaints.update({ category: 'hall', content: TEXT })
    expect(await complaints.submit()).toEqual({ ok: false, errors: { photos: '有照片未上传成功，请重试或删除' } })
    expect(client.create).not.toHaveBeenCalled()
  })
})

describe('filing', () => {
  it('sends the draft with its client key; a retry after a lost answer sends the same key; done, the draft is gone', async () => {
    const { complaints, client, storage } = setup()
    complaints.openDraft({ caseId: COMPLAINT_CASE_ID })
    complaints.update({ kind: 'complaint', category: 'attitude', content: `  ${TEXT} ` })
    complaints.addPhotos([file(1)])
    await flush()
    await flush()
    client.create.mockRejectedValueOnce(apiError(0, '网络连接失败，请检查网络后重试'))
    expect(await complaints.submit()).toEqual({ ok: false, errors: { form: '网络连接失败，请检查网络后重试' } })
    expect(storage.get(`${DRAFT_STORAGE_PREFIX}${CITIZEN}`)).not.toBeNull()
    client.create.mockResolvedValueOnce(complaintDetail({ case: { id: COMPLAINT_CASE_ID, number: 'BJ1', matterName: '个体工商户设立登记' } }))
    const outcome = await complaints.submit()
    expect(outcome.ok).toBe(true)
    expect(client.create).toHaveBeenCalledTimes(2)
    const expected = { clientKey: KEY, kind: 'complaint', category: 'attitude', content: TEXT, caseId: COMPLAINT_CASE_ID, departmentId: null, photoIds: [complaintPhoto(1).id] }
    expect(client.create.mock.calls[0][0]).toEqual(expected)
    expect(client.create.mock.calls[1][0]).toEqual(expected)
    expect(complaints.draft).toBeNull()
    expect(storage.get(`${DRAFT_STORAGE_PREFIX}${CITIZEN}`)).toBeNull()
    expect(complaints.complaintById(COMPLAINT_ID)?.number).toBe('TS20261122000001')
  })

  it('puts the server’s refusal beside the field it names', async () => {
    const { complaints, client } = setup()
    complaints.openDraft({ caseId: COMPLAINT_CASE_ID })
    complaints.update({ category: 'efficiency', content: TEXT })
    client.create.mockRejectedValueOnce(apiError(400, '只能关联您本人的办件', 'caseId'))
    expect(await complaints.submit()).toEqual({ ok: false, errors: { case: '只能关联您本人的办件' } })
  })
})

describe('mine and the reply', () => {
  it('lists mine newest first (server order) and rates the reply once', async () => {
    const { complaints, client } = setup()
    client.list.mockResolvedValue({ items: [complaintDetail({ status: 'replied' })], page: 1, pageSize: 20, total: 1 })
    await complaints.mine.reload()
    expect(client.list).toHaveBeenCalledWith({ page: 1, pageSize: 20 })
    expect(await complaints.rate(COMPLAINT_ID, null, '')).toEqual({ satisfaction: '请选择您对答复的评价' })
    const rated = complaintDetail({ status: 'rated', rating: { satisfaction: 'satisfied', comment: '', at: '2026-11-23T01:00:00.000Z' } })
    client.rate.mockResolvedValueOnce(rated)
    expect(await complaints.rate(COMPLAINT_ID, 'satisfied', '  ')).toEqual({})
    expect(client.rate).toHaveBeenCalledWith(COMPLAINT_ID, { satisfaction: 'satisfied' })
    expect(complaints.mine.items[0].status).toBe('rated')
    client.rate.mockRejectedValueOnce(apiError(409, '该答复已评价'))
    client.get.mockResolvedValueOnce(rated)
    expect(await complaints.rate(COMPLAINT_ID, 'basic', '还行')).toEqual({ form: '该答复已评价' })
    expect(client.get).toHaveBeenCalledWith(COMPLAINT_ID)
  })

  it('forgets the last session’s complaints when the session changes; the draft stays on the device', async () => {
    const { store, complaints, storage } = setup()
    complaints.openDraft()
    complaints.update({ content: TEXT })
    runInAction(() => (store.session.token = 'another'))
    expect(complaints.draft).toBeNull()
    expect(storage.get(`${DRAFT_STORAGE_PREFIX}${CITIZEN}`)).not.toBeNull()
  })
})
