/** H5: XMLHttpRequest, for `upload.onprogress` (fetch reports no upload progress). */
import { apiUrl } from '../../../env'
import { blobOf } from './files.h5'
import { TRANSFER_TIMEOUT_MS, transferFailure, transferOutcome } from './transferResult'
import type { TransferOptions } from './transfer'

const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/heic': 'heic', 'application/pdf': 'pdf' }

export async function transferFile({ url, filePath, token, onProgress }: TransferOptions): Promise<unknown> {
  let blob: Blob
  try {
    blob = await blobOf(filePath)
  } catch {
    throw new Error('找不到要上传的文件，请重新选择')
  }
  const form = new FormData()
  // The server ignores the name (it stores by content); a plain one avoids leaking the citizen's file names.
  form.append('file', blob, `upload.${EXTENSION[blob.type] ?? 'bin'}`)
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', apiUrl(url))
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.timeout = TRANSFER_TIMEOUT_MS
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      try {
        resolve(transferOutcome(xhr.status, xhr.responseText))
      } catch (error) {
        reject(error)
      }
    }
    xhr.onerror = () => reject(transferFailure('network'))
    xhr.ontimeout = () => reject(transferFailure('timeout'))
    xhr.send(form)
  })
}
