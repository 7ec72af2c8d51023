import { autorun } from 'mobx'
import { ApiError, NETWORK_MESSAGE } from '../../../api/ApiError'
import { UploadQueue, type UploadFn, type UploadQueueOptions } from './UploadQueue'
import type { PhotoQuality, PickedFile } from './types'

const photo = (n: number): PickedFile => ({ path: `blob:photo-${n}`, mimeType: 'image/jpeg', bytes: 5_000_000 })
const pdf: PickedFile = { path: 'blob:scan', mimeType: 'application/pdf', bytes: 300_000, name: '户口本.pdf' }
const blurry: PhotoQuality = { blurry: true, dark: false, sharpness: 80, brightness: 180, message: '照片有些模糊' }

/** Resolves when the queue has nothing on its way any more. */
async function settled(queue: UploadQueue): Promise<void> {
  for (let i = 0; i < 200 && queue.busy; i++) await new Promise((resolve) => setTimeout(resolve, 0))
  expect(queue.busy).toBe(false)
}

function queueWith(upload: UploadFn, extra: Partial<UploadQueueOptions> = {}) {
  const waits: number[] = []
  const queue = new UploadQueue({
    upload,
    check: async (file) => (file.mimeType === 'application/pdf' ? null : blurry),
    compress: async (file) => (file.mimeType === 'application/pdf' ? file : { ...file, path: `${file.path}-small`, bytes: 900_000 }),
    wait: async (ms) => void waits.push(ms),
    ...extra,
  })
  return { queue, waits }
}

describe('UploadQueue', () => {
  it('checks, compresses and uploads each file, in order of its states, and keeps the result', async () => {
    const seen: string[] = []
    const sent: PickedFile[] = []
    const { queue } = queueWith(async (item, file) => {
      seen.push(item.state)
      sent.push(file)
      return { id: `server-${item.name}` }
    })
    const states: string[] = []
    autorun(() => states.push(queue.items.map((item) => item.state).join(',')))
    const [id] = queue.add('slot-a', [photo(1)])
    await settled(queue)

    // 'queued' is never seen here: a free slot takes the item in the same action that adds it.
    expect(states.filter((state, i) => state !== states[i - 1])).toEqual(['', 'checking', 'compressing', 'uploading', 'done'])
    expect(seen).toEqual(['uploading'])
    expect(sent[0]).toMatchObject({ path: 'blob:photo-1-small', bytes: 900_000 })
    expect(queue.items[0]).toMatchObject({ id, slotKey: 'slot-a', name: '第 1 页', state: 'done', progress: 1, quality: blurry, error: null, result: { id: 'server-第 1 页' } })
    expect(queue.fileOf(id)?.path).toBe('blob:photo-1-small')
  })

  it('names pages per slot, keeps a file name when there is one, and lists items by slot', () => {
    const { queue } = queueWith(() => new Promise(() => undefined))
    queue.add('a', [photo(1), photo(2)])
    queue.add('b', [pdf])
    queue.add('a', [photo(3)])
    expect(queue.itemsOf('a').map((item) => item.name)).toEqual(['第 1 页', '第 2 页', '第 3 页'])
    expect(queue.itemsOf('b').map((item) => item.name)).toEqual(['户口本.pdf'])
  })

  it('reports upload progress between 0 and 1', async () => {
    const progress: number[] = []
    const { queue } = queueWith(async (_item, _file, onProgress) => {
      for (const fraction of [0.25, 0.5, 1.2]) {
        onProgress(fraction)
        progress.push(queue.items[0].progress)
      }
      return null
    })
    queue.add('a', [photo(1)])
    await settled(queue)
    expect(progress).toEqual([0.25, 0.5, 1])
  })

  it('retries a network failure with growing waits, then succeeds', async () => {
    let calls = 0
    const { queue, waits } = queueWith(async () => {
      calls++
      if (calls < 3) throw new ApiError(calls === 1 ? 0 : 503, NETWORK_MESSAGE, 'network')
      return { ok: true }
    })
    queue.add('a', [photo(1)])
    await settled(queue)
    expect(calls).toBe(3)
    expect(waits).toEqual([1000, 2000])
    expect(queue.items[0]).toMatchObject({ state: 'done', result: { ok: true }, error: null })
  })

  it('gives up after the allowed retries and shows the message', async () => {
    let calls = 0
    const { queue } = queueWith(async () => {
      calls++
      throw new ApiError(0, NETWORK_MESSAGE, 'network')
    }, { retries: 1 })
    queue.add('a', [photo(1)])
    await settled(queue)
    expect(calls).toBe(2)
    expect(queue.items[0]).toMatchObject({ state: 'failed', error: NETWORK_MESSAGE })
  })

  it("does not retry a 4xx and shows the server's message", async () => {
    let calls = 0
    const { queue, waits } = queueWith(async () => {
      calls++
      throw new ApiError(413, '文件超过 10 MB，请压缩后重新上传', 'Payload Too Large', 'file')
    })
    queue.add('a', [pdf])
    await settled(queue)
    expect(calls).toBe(1)
    expect(waits).toEqual([])
    expect(queue.items[0]).toMatchObject({ state: 'failed', error: '文件超过 10 MB，请压缩后重新上传', quality: null })
  })

  it('retries by hand without checking or compressing again', async () => {
    let fail = true
    const check = jest.fn(async () => blurry)
    const compress = jest.fn(async (file: PickedFile) => ({ ...file, bytes: 1 }))
    const { queue } = queueWith(async () => {
      if (fail) throw new ApiError(415, '只能上传照片或 PDF 文件', 'Unsupported Media Type')
      return 'ok'
    }, { check, compress })
    const [id] = queue.add('a', [photo(1)])
    await settled(queue)
    expect(queue.items[0].state).toBe('failed')

    fail = false
    queue.retry(id)
    expect(queue.items[0]).toMatchObject({ error: null })
    await settled(queue)
    expect(queue.items[0]).toMatchObject({ state: 'done', result: 'ok' })
    expect(check).toHaveBeenCalledTimes(1)
    expect(compress).toHaveBeenCalledTimes(1)
  })

  it('works on at most `concurrency` files at once and starts the next as one finishes', async () => {
    let running = 0
    let most = 0
    const finishers: Array<() => void> = []
    const { queue } = queueWith(() => {
      running++
      most = Math.max(most, running)
      return new Promise((resolve) =>
        finishers.push(() => {
          running--
          resolve(null)
        }),
      )
    })
    queue.add('a', [photo(1), photo(2), photo(3), photo(4), photo(5)])
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(running).toBe(2)
    expect(queue.items.map((item) => item.state)).toEqual(['uploading', 'uploading', 'queued', 'queued', 'queued'])
    while (finishers.length) {
      finishers.shift()!()
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await settled(queue)
    expect(most).toBe(2)
    expect(queue.items.every((item) => item.state === 'done')).toBe(true)
  })

  it('forgets a removed item, ignores its late result, and frees its place', async () => {
    const finishers: Array<() => void> = []
    const { queue } = queueWith(() => new Promise((resolve) => finishers.push(() => resolve('late'))), { concurrency: 1 })
    const [first, second] = queue.add('a', [photo(1), photo(2)])
    await new Promise((resolve) => setTimeout(resolve, 5))
    queue.remove(first)
    expect(queue.items.map((item) => item.id)).toEqual([second])
    expect(queue.fileOf(first)).toBeUndefined()
    finishers.shift()!()
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(queue.items[0]).toMatchObject({ id: second, state: 'uploading' })
    finishers.shift()!()
    await settled(queue)
    expect(queue.items).toHaveLength(1)
    expect(queue.items[0].result).toBe('late')
  })

  it('uploads the original when compression fails, and with no quality when the check fails', async () => {
    const sent: PickedFile[] = []
    const { queue } = queueWith(async (_item, file) => void sent.push(file), {
      check: async () => Promise.reject(new Error('no canvas')),
      compress: async () => Promise.reject(new Error('cannot decode')),
    })
    queue.add('a', [photo(7)])
    await settled(queue)
    expect(sent).toEqual([photo(7)])
    expect(queue.items[0]).toMatchObject({ state: 'done', quality: null })
  })
})
