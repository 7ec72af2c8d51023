/**
 * weapp: `chooseMedia` for the camera and the album (originals: we compress
 * ourselves, with a known size and quality), `chooseMessageFile` for a file
 * from a chat (PDFs and pictures). The type comes from the first bytes when
 * the base library can read a range, else from the extension.
 */
import Taro from '@tarojs/taro'
import { readHead } from './fileHead.weapp'
import { SNIFF_BYTES, UNSUPPORTED_TYPE_MESSAGE, decideMimeType } from './mimeType'
import type { PickSource, PickedFile } from './types'

/** chooseMedia takes at most 9 before base library 2.25 (20 after); 9 is safe everywhere. */
const MEDIA_MAX = 9
const CHAT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'heic']

export function pickSources(): PickSource[] {
  return ['camera', 'album', 'chat']
}

interface Chosen {
  path: string
  size: number
  name?: string
}

export async function pickFiles(source: PickSource, max: number): Promise<PickedFile[]> {
  const count = Math.max(1, Math.floor(max))
  let chosen: Chosen[]
  try {
    chosen = source === 'camera' || source === 'album' ? await chooseMedia(source, Math.min(count, MEDIA_MAX)) : await chooseFromChat(count)
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? error)
    if (/cancel/i.test(message)) return []
    if (/auth|permission|deny/i.test(message)) throw new Error(source === 'camera' ? '没有相机权限，请在设置中允许使用相机后重试' : '没有相册权限，请在设置中允许访问相册后重试')
    throw new Error('没能选择文件，请重试')
  }
  return Promise.all(chosen.map(describe))
}

async function chooseMedia(source: 'camera' | 'album', count: number): Promise<Chosen[]> {
  const res = await Taro.chooseMedia({
    count,
    mediaType: ['image'],
    sourceType: [source],
    sizeType: ['original'],
    camera: 'back',
  })
  return res.tempFiles.map((file) => ({ path: file.tempFilePath, size: file.size }))
}

async function chooseFromChat(count: number): Promise<Chosen[]> {
  const res = await Taro.chooseMessageFile({ count, type: 'file', extension: CHAT_EXTENSIONS })
  return res.tempFiles.map((file) => ({ path: file.path, size: file.size, name: file.name }))
}

async function describe(file: Chosen): Promise<PickedFile> {
  const head = await readHead(file.path, SNIFF_BYTES)
  const mimeType = decideMimeType(head, file.name ?? file.path)
  if (!mimeType) throw new Error(UNSUPPORTED_TYPE_MESSAGE)
  return { path: file.path, mimeType, bytes: file.size, ...(file.name ? { name: file.name } : {}) }
}
