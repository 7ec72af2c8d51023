/**
 * The weapp files against a stub of WeChat's APIs (Jest runs the H5 build, so
 * they are imported by their full names): the calls they make and how they
 * read the answers.
 */
import Taro from '@tarojs/taro'
import { ApiError, TIMEOUT_MESSAGE } from '../../../api/ApiError'
import { TARGET_BYTES } from './compressionPlan'
import { compressPhoto } from './photo.weapp'
import { pickFiles, pickSources } from './pick.weapp'
import { transferFile } from './transfer.weapp'

type AnyFn = (...args: any[]) => any
const taro = Taro as unknown as Record<string, AnyFn>
const saved = new Map<string, AnyFn>()
function stub(name: string, impl: AnyFn): jest.Mock {
  if (!saved.has(name)) saved.set(name, taro[name])
  const mock = jest.fn(impl)
  taro[name] = mock
  return mock
}
afterEach(() => {
  for (const [name, fn] of saved) taro[name] = fn
  saved.clear()
})

const JPEG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).buffer
const PDF_HEAD = new Uint8Array([...'%PDF-1.7\n%\u00e2\u00e3'].map((c) => c.charCodeAt(0))).buffer

/** A file system whose files have these heads and sizes. */
function fileSystem(files: Record<string, { head: ArrayBuffer; size: number }>) {
  stub('getFileSystemManager', () => ({
    readFile: ({ filePath, success, fail }: { filePath: string; success: AnyFn; fail: AnyFn }) =>
      files[filePath] ? success({ data: files[filePath].head }) : fail({ errMsg: 'readFile:fail no such file' }),
    getFileInfo: ({ filePath, success, fail }: { filePath: string; success: AnyFn; fail: AnyFn }) =>
      files[filePath] ? success({ size: files[filePath].size }) : fail({ errMsg: 'getFileInfo:fail' }),
  }))
}

describe('pick.weapp', () => {
  it('offers camera, album and chat files', () => {
    expect(pickSources()).toEqual(['camera', 'album', 'chat'])
  })

  it('takes original photos from the camera and reads their type from the bytes', async () => {
    fileSystem({ 'wxfile://tmp_1': { head: JPEG_HEAD, size: 4_000_000 } })
    const chooseMedia = stub('chooseMedia', async () => ({ tempFiles: [{ tempFilePath: 'wxfile://tmp_1', size: 4_000_000, fileType: 'image' }] }))
    expect(await pickFiles('camera', 20)).toEqual([{ path: 'wxfile://tmp_1', mimeType: 'image/jpeg', bytes: 4_000_000 }])
    expect(chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 9, mediaType: ['image'], sourceType: ['camera'], sizeType: ['original'] }))
  })

  it('takes PDFs from a chat, falling back to the extension when the bytes cannot be read', async () => {
    fileSystem({ 'wxfile://a': { head: PDF_HEAD, size: 200_000 } })
    const chooseMessageFile = stub('chooseMessageFile', async () => ({
      tempFiles: [
        { path: 'wxfile://a', size: 200_000, name: '营业执照.pdf', type: 'file' },
        { path: 'wxfile://b.png', size: 50_000, name: '户口本.png', type: 'image' },
      ],
    }))
    expect(await pickFiles('chat', 5)).toEqual([
      { path: 'wxfile://a', mimeType: 'application/pdf', bytes: 200_000, name: '营业执照.pdf' },
      { path: 'wxfile://b.png', mimeType: 'image/png', bytes: 50_000, name: '户口本.png' },
    ])
    expect(chooseMessageFile).toHaveBeenCalledWith(expect.objectContaining({ count: 5, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png', 'heic'] }))
  })

  it('answers [] when the citizen cancels, and a Chinese reason when access is refused', async () => {
    stub('chooseMedia', async () => Promise.reject({ errMsg: 'chooseMedia:fail cancel' }))
    expect(await pickFiles('album', 3)).toEqual([])
    stub('chooseMedia', async () => Promise.reject({ errMsg: 'chooseMedia:fail auth deny' }))
    await expect(pickFiles('camera', 1)).rejects.toThrow('没有相机权限，请在设置中允许使用相机后重试')
  })

  it('refuses a file the server would refuse', async () => {
    fileSystem({})
    stub('chooseMessageFile', async () => ({ tempFiles: [{ path: 'wxfile://c', size: 10, name: '说明.docx', type: 'file' }] }))
    await expect(pickFiles('chat', 1)).rejects.toThrow('只能上传照片（JPG、PNG、HEIC）或 PDF 文件')
  })
})

describe('photo.weapp compressPhoto', () => {
  it('steps the quality down at 2400 px until the photo fits, sizing the long side of a rotated photo', async () => {
    const sizes = [1_600_000, 1_200_000, 900_000]
    const files: Record<string, { head: ArrayBuffer; size: number }> = {}
    sizes.forEach((size, i) => (files[`wxfile://out_${i}.jpg`] = { head: JPEG_HEAD, size }))
    fileSystem(files)
    // Stored landscape with an EXIF "right" rotation: shown as a 3000×4000 portrait.
    stub('getImageInfo', async () => ({ width: 4000, height: 3000, orientation: 'right', type: 'jpeg' }))
    let n = 0
    const compressImage = stub('compressImage', async () => ({ tempFilePath: `wxfile://out_${n++}.jpg` }))

    const result = await compressPhoto({ path: 'wxfile://in', mimeType: 'image/jpeg', bytes: 5_000_000 })

    expect(compressImage.mock.calls.map(([options]) => options)).toEqual([
      { src: 'wxfile://in', quality: 80, compressedHeight: 2400 },
      { src: 'wxfile://in', quality: 70, compressedHeight: 2400 },
      { src: 'wxfile://in', quality: 60, compressedHeight: 2400 },
    ])
    expect(result).toEqual({ path: 'wxfile://out_2.jpg', mimeType: 'image/jpeg', bytes: 900_000, width: 1800, height: 2400 })
    expect(result.bytes).toBeLessThanOrEqual(TARGET_BYTES)
  })

  it('stops at the first quality that fits, and leaves PDFs and small photos alone', async () => {
    fileSystem({ 'wxfile://out.jpg': { head: JPEG_HEAD, size: 700_000 } })
    stub('getImageInfo', async () => ({ width: 4000, height: 3000, orientation: 'up' }))
    const compressImage = stub('compressImage', async () => ({ tempFilePath: 'wxfile://out.jpg' }))
    expect(await compressPhoto({ path: 'wxfile://in', mimeType: 'image/jpeg', bytes: 3_000_000 })).toMatchObject({ bytes: 700_000, width: 2400, height: 1800 })
    expect(compressImage).toHaveBeenCalledTimes(1)
    expect(compressImage).toHaveBeenCalledWith({ src: 'wxfile://in', quality: 80, compressedWidth: 2400 })

    const pdf = { path: 'wxfile://p', mimeType: 'application/pdf' as const, bytes: 3_000_000 }
    expect(await compressPhoto(pdf)).toBe(pdf)
    stub('getImageInfo', async () => ({ width: 1600, height: 1200, orientation: 'up' }))
    expect(await compressPhoto({ path: 'wxfile://s', mimeType: 'image/jpeg', bytes: 400_000 })).toEqual({ path: 'wxfile://s', mimeType: 'image/jpeg', bytes: 400_000, width: 1600, height: 1200 })
    expect(compressImage).toHaveBeenCalledTimes(1)
  })

  it('sends the original when WeChat cannot compress it', async () => {
    stub('getImageInfo', async () => Promise.reject({ errMsg: 'getImageInfo:fail' }))
    const file = { path: 'wxfile://in', mimeType: 'image/jpeg' as const, bytes: 3_000_000 }
    expect(await compressPhoto(file)).toBe(file)
  })
})

describe('transfer.weapp', () => {
  function uploadAnswering(answer: (options: Record<string, AnyFn>) => void) {
    const progressListeners: AnyFn[] = []
    const uploadFile = stub('uploadFile', (options: Record<string, AnyFn>) => {
      setTimeout(() => answer(options), 0)
      return Object.assign(Promise.resolve(), { onProgressUpdate: (fn: AnyFn) => progressListeners.push(fn) })
    })
    return { uploadFile, progress: (percent: number) => progressListeners.forEach((fn) => fn({ progress: percent })) }
  }

  it('posts the file as field "file" with the token, reports progress, and resolves the JSON body', async () => {
    const fractions: number[] = []
    const { uploadFile, progress } = uploadAnswering((options) => {
      progress(40)
      progress(100)
      options.success({ statusCode: 201, data: '{"id":"f1"}' })
    })
    await expect(
      transferFile({ url: '/api/prereviews/p1/materials/s1/files', filePath: 'wxfile://x', token: 'tok', onProgress: (f) => fractions.push(f) }),
    ).resolves.toEqual({ id: 'f1' })
    expect(uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/prereviews/p1/materials/s1/files', filePath: 'wxfile://x', name: 'file', header: { Authorization: 'Bearer tok' } }),
    )
    expect(fractions).toEqual([0.4, 1])
  })

  it("rejects with the server's Chinese message on a 4xx", async () => {
    uploadAnswering((options) =>
      options.success({ statusCode: 413, data: JSON.stringify({ statusCode: 413, error: 'Payload Too Large', message: '文件超过 10 MB，请压缩后重新上传' }) }),
    )
    const error = await transferFile({ url: '/api/x', filePath: 'wxfile://x', token: null, onProgress: () => undefined }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 413, message: '文件超过 10 MB，请压缩后重新上传' })
  })

  it('rejects a timeout as a network error (status 0)', async () => {
    uploadAnswering((options) => options.fail({ errMsg: 'uploadFile:fail timeout' }))
    await expect(transferFile({ url: '/api/x', filePath: 'wxfile://x', token: null, onProgress: () => undefined })).rejects.toMatchObject({
      status: 0,
      message: TIMEOUT_MESSAGE,
    })
  })
})
