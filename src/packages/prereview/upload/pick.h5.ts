/**
 * H5: a hidden <input type="file">. 'camera' asks for the rear camera
 * (capture="environment"), 'album' for pictures, 'file' for pictures or PDFs.
 * The type is read from each file's first bytes (the name and the browser's
 * guess are the fallback); the server checks again.
 */
import { SNIFF_BYTES, UNSUPPORTED_TYPE_MESSAGE, decideMimeType } from './mimeType'
import { headOf, registerBlob } from './files.h5'
import type { PickSource, PickedFile } from './types'

const ACCEPT: Record<PickSource, string> = {
  camera: 'image/*',
  album: 'image/*',
  chat: 'image/*,application/pdf',
  file: 'image/*,application/pdf,.heic,.heif',
}

/** Without a change or cancel event this long after the page regains focus, the chooser was dismissed. */
const DISMISS_GRACE_MS = 1500

/** A phone or tablet offers camera and photo library; a desktop browser only has files. */
export function pickSources(): PickSource[] {
  const touch = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches
  return touch ? ['camera', 'album', 'file'] : ['file']
}

export function pickFiles(source: PickSource, max: number): Promise<PickedFile[]> {
  return chooseFiles(source, max).then((files) => Promise.all(files.slice(0, Math.max(1, max)).map(describe)))
}

function chooseFiles(source: PickSource, max: number): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = ACCEPT[source]
    input.multiple = max > 1 && source !== 'camera'
    if (source === 'camera') input.setAttribute('capture', 'environment')
    // Off-screen rather than display:none, which some mobile browsers refuse to open a chooser for.
    input.style.cssText = 'position:fixed;left:-9999px;top:0;width:1px;height:1px;opacity:0'
    let settled = false
    const finish = (files: File[]) => {
      if (settled) return
      settled = true
      window.removeEventListener('focus', onFocus)
      input.remove()
      resolve(files)
    }
    const onFocus = () => setTimeout(() => finish(Array.from(input.files ?? [])), DISMISS_GRACE_MS)
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])))
    input.addEventListener('cancel', () => finish([]))
    // Browsers without the cancel event: the page gets its focus back when the chooser closes.
    if (!('oncancel' in input)) window.addEventListener('focus', onFocus)
    document.body.appendChild(input)
    input.click()
  })
}

async function describe(file: File): Promise<PickedFile> {
  const mimeType = decideMimeType(await headOf(file, SNIFF_BYTES), file.name, file.type)
  if (!mimeType) throw new Error(UNSUPPORTED_TYPE_MESSAGE)
  return { path: registerBlob(file), mimeType, bytes: file.size, name: file.name || undefined }
}
