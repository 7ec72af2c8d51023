import type { PrereviewFile } from '../../../types/prereviews'
import { materialUploadUrl } from '../../api/prereviews'
import { knownCheck } from './photoChecks'
import type { UploadsFactory } from './PrereviewStore'
import { checkPhoto, transferFile, UploadQueue } from './upload'

/**
 * The upload queue of one pre-review: each page goes to
 * POST /api/prereviews/:id/materials/:slotKey/files with the session's token,
 * and the stored page (the server's PrereviewFile) is handed to the store.
 */
export function materialUploads(token: () => string | null): UploadsFactory {
  return (id, onUploaded) =>
    new UploadQueue({
      check: (file) => {
        const known = knownCheck(file)
        return known !== undefined ? Promise.resolve(known) : checkPhoto(file)
      },
      upload: async (item, file, onProgress) => {
        const stored = (await transferFile({ url: materialUploadUrl(id, item.slotKey), filePath: file.path, token: token(), onProgress })) as PrereviewFile
        onUploaded(item.slotKey, stored)
        return stored
      },
    })
}
