/**
 * The H5 files in jsdom: the file input they open and the request they send
 * (a fake XMLHttpRequest). Canvas work (photo.h5.ts) needs a real browser:
 * bench/photoCompression.ts runs it in Chromium.
 */
import { ApiError, NETWORK_MESSAGE } from '../../../api/ApiError'
import { blobOf } from './files.h5'
import { pickFiles } from './pick.h5'
import { transferFile } from './transfer.h5'

let urls = 0
beforeAll(() => {
  // jsdom has no object URLs.
  Object.assign(URL, { createObjectURL: () => `blob:test/${++urls}`, revokeObjectURL: () => undefined })
})

/** Makes the next file chooser answer with these files (or be cancelled), and returns the input it opened. */
function chooserAnswers(files: File[] | 'cancel'): { input: () => HTMLInputElement } {
  let opened: HTMLInputElement | null = null
  jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementationOnce(function (this: HTMLInputElement) {
    opened = this
    if (files === 'cancel') {
      this.dispatchEvent(new Event('cancel'))
      return
    }
    Object.defineProperty(this, 'files', { value: files })
    this.dispatchEvent(new Event('change'))
  })
  return { input: () => opened as unknown as HTMLInputElement }
}

describe('pick.h5', () => {
  it('opens the rear camera for "camera" and describes the photo', async () => {
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 1, 2, 3])], 'IMG_1.jpg', { type: 'image/jpeg' })
    const chooser = chooserAnswers([photo])
    const [picked] = await pickFiles('camera', 3)
    expect(chooser.input().getAttribute('capture')).toBe('environment')
    expect(chooser.input().accept).toBe('image/*')
    expect(chooser.input().multiple).toBe(false)
    expect(picked).toMatchObject({ mimeType: 'image/jpeg', bytes: 7, name: 'IMG_1.jpg' })
    expect(await blobOf(picked.path)).toBe(photo)
    expect(document.querySelector('input[type=file]')).toBeNull() // removed after use
  })

  it('reads the type from the bytes, not the name, and keeps at most `max` files', async () => {
    const pdf = new File(['%PDF-1.4 ...'], 'scan.jpg', { type: 'image/jpeg' })
    const other = new File(['%PDF-1.4 ...'], 'b.pdf')
    const chooser = chooserAnswers([pdf, other])
    const picked = await pickFiles('file', 1)
    expect(chooser.input().accept).toContain('application/pdf')
    expect(chooser.input().hasAttribute('capture')).toBe(false)
    expect(picked).toHaveLength(1)
    expect(picked[0]).toMatchObject({ mimeType: 'application/pdf', name: 'scan.jpg' })
  })

  it('answers [] when the chooser is cancelled', async () => {
    chooserAnswers('cancel')
    expect(await pickFiles('album', 3)).toEqual([])
  })

  it('refuses a type the server would refuse', async () => {
    chooserAnswers([new File(['GIF89a...'], 'x.gif', { type: 'image/gif' })])
    await expect(pickFiles('file', 3)).rejects.toThrow('只能上传照片（JPG、PNG、HEIC）或 PDF 文件')
  })
})

/** A stand-in for XMLHttpRequest that answers as told. */
class FakeXhr {
  static last: FakeXhr
  static answer: (xhr: FakeXhr) => void
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: FormData | null = null
  status = 0
  responseText = ''
  timeout = 0
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  ontimeout: (() => void) | null = null
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body: FormData) {
    this.body = body
    FakeXhr.last = this
    setTimeout(() => FakeXhr.answer(this), 0)
  }
}

describe('transfer.h5', () => {
  const original = globalThis.XMLHttpRequest
  beforeEach(() => Object.assign(globalThis, { XMLHttpRequest: FakeXhr }))
  afterAll(() => Object.assign(globalThis, { XMLHttpRequest: original }))

  it('posts the blob as field "file" with the token, reports progress and resolves the JSON body', async () => {
    const picked = await (async () => {
      chooserAnswers([new File([new Uint8Array([0xff, 0xd8, 0xff, 0])], 'a.jpg', { type: 'image/jpeg' })])
      return (await pickFiles('album', 1))[0]
    })()
    FakeXhr.answer = (xhr) => {
      xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 })
      xhr.upload.onprogress?.({ lengthComputable: true, loaded: 200, total: 200 })
      Object.assign(xhr, { status: 201, responseText: '{"id":"f9"}' })
      xhr.onload?.()
    }
    const fractions: number[] = []
    await expect(transferFile({ url: '/api/prereviews/p/materials/s/files', filePath: picked.path, token: 'tok', onProgress: (f) => fractions.push(f) })).resolves.toEqual({ id: 'f9' })
    const xhr = FakeXhr.last
    expect([xhr.method, xhr.url, xhr.headers.Authorization, xhr.timeout]).toEqual(['POST', '/api/prereviews/p/materials/s/files', 'Bearer tok', 60_000])
    const sent = xhr.body?.get('file') as File
    expect(sent.name).toBe('upload.jpg') // never the citizen's own file name
    expect(sent.size).toBe(4)
    expect(fractions).toEqual([0.25, 1])
  })

  it("rejects with the server's message on a 4xx, and a network error when there is no answer", async () => {
    chooserAnswers([new File(['%PDF-1.4'], 'a.pdf')])
    const [file] = await pickFiles('file', 1)
    FakeXhr.answer = (xhr) => {
      Object.assign(xhr, { status: 415, responseText: JSON.stringify({ statusCode: 415, error: 'Unsupported Media Type', message: '只能上传 JPG、PNG、HEIC 图片或 PDF 文件' }) })
      xhr.onload?.()
    }
    const refused = await transferFile({ url: '/api/x', filePath: file.path, token: null, onProgress: () => undefined }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ status: 415, message: '只能上传 JPG、PNG、HEIC 图片或 PDF 文件' })
    expect(FakeXhr.last.headers.Authorization).toBeUndefined()

    FakeXhr.answer = (xhr) => xhr.onerror?.()
    await expect(transferFile({ url: '/api/x', filePath: file.path, token: null, onProgress: () => undefined })).rejects.toMatchObject({ status: 0, message: NETWORK_MESSAGE })
  })
})
