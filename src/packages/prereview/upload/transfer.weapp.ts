/** weapp: `Taro.uploadFile` (multipart, field "file"), progress from its UploadTask. */
import Taro from '@tarojs/taro'
import { apiUrl } from '../../../env'
import { TRANSFER_TIMEOUT_MS, transferFailure, transferOutcome } from './transferResult'
import type { TransferOptions } from './transfer'

export function transferFile({ url, filePath, token, onProgress }: TransferOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: apiUrl(url),
      filePath,
      name: 'file',
      header: token ? { Authorization: `Bearer ${token}` } : {},
      timeout: TRANSFER_TIMEOUT_MS,
      success(res) {
        try {
          resolve(transferOutcome(res.statusCode, res.data))
        } catch (error) {
          reject(error)
        }
      },
      fail(err) {
        reject(transferFailure(String(err?.errMsg ?? '')))
      },
    })
    task.onProgressUpdate?.((res) => onProgress(res.progress / 100))
    // Taro also rejects the returned promise on failure; `fail` has answered already.
    ;(task as unknown as Promise<unknown>).catch?.(() => undefined)
  })
}
