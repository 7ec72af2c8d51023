import type { ComplaintPhoto } from '../../../types/complaints'
import { COMPLAINT_PHOTOS_PATH } from '../../api/complaints'
import { transferFile, type PickedFile } from '../prereview/upload'

/**
 * Sends one photo to POST /api/complaints/photos (multipart, field `file`)
 * with the pre-review upload module's transfer (Taro.uploadFile on weapp,
 * XMLHttpRequest on H5): it rejects with an ApiError carrying the server's
 * Chinese message (413 too large, 415 not a photo).
 */
export function sendComplaintPhoto(file: PickedFile, token: () => string | null, onProgress: (fraction: number) => void): Promise<ComplaintPhoto> {
  return transferFile({ url: COMPLAINT_PHOTOS_PATH, filePath: file.path, token: token(), onProgress }) as Promise<ComplaintPhoto>
}
