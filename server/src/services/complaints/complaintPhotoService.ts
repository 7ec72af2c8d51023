/**
 * Photos for complaints: uploaded one per request before the complaint is
 * filed (staged rows with no complaint), attached by POST /api/complaints.
 * The bytes go through the pre-review machinery: streamed into
 * FileStorage.stage(), type by magic bytes, committed under their SHA-256
 * only inside the transaction that records the row; a refused upload leaves
 * nothing. Unattached photos are swept after a day (housekeeping.ts).
 */
import { and, count, eq, gt, inArray, isNull, lt } from 'drizzle-orm'
import type { ComplaintPhoto } from '../../../../types/complaints'
import type { UploadMimeType } from '../../../../types/enums'
import type { Db, DbOrTx } from '../../db/client'
import { complaintPhotos } from '../../db/schema'
import { badRequest, tooMany } from '../../errors'
import type { StagedFile } from '../documents/fileStorage'
import type { FileUrlSigner } from '../files/fileUrlSigner'
import { payloadTooLarge, sizeText, unsupportedType } from '../files/prereviewFileService'
import { detectUploadType } from '../files/uploadType'
import { photoView } from './complaintRecords'

/** The contract's limit; a smaller UPLOAD_MAX_FILE_BYTES wins. */
export const COMPLAINT_PHOTO_MAX_BYTES = 10 * 1024 * 1024
export const COMPLAINT_PHOTOS_MAX = 3
/** Unattached photos a citizen may hold at once (within the day before the sweep). */
const UNATTACHED_LIMIT = 30
const UNATTACHED_TTL_MS = 86_400_000
const PHOTO_TYPES: ReadonlySet<UploadMimeType> = new Set(['image/jpeg', 'image/png', 'image/heic'])

export class ComplaintPhotoService {
  readonly maxBytes: number

  constructor(
    private readonly db: Db,
    private readonly signer: FileUrlSigner,
    maxFileBytes: number,
  ) {
    this.maxBytes = Math.min(COMPLAINT_PHOTO_MAX_BYTES, maxFileBytes)
  }

  /** Before the body is read: refuses a citizen holding too many unattached photos. */
  async planUpload(citizenId: string, now = new Date()): Promise<{ byteLimit: number }> {
    const [{ n }] = await this.db
      .select({ n: count() })
      .from(complaintPhotos)
      .where(and(eq(complaintPhotos.citizenId, citizenId), isNull(complaintPhotos.complaintId), gt(complaintPhotos.createdAt, new Date(now.getTime() - UNATTACHED_TTL_MS))))
    if (n >= UNATTACHED_LIMIT) throw tooMany('上传的照片过多，请先提交投诉建议或稍后再试')
    return { byteLimit: this.maxBytes }
  }

  /** Records a staged upload for the citizen, or discards it (413 too big, 415 not a photo). */
  async saveUpload(citizenId: string, staged: StagedFile, truncated: boolean, now = new Date()): Promise<ComplaintPhoto> {
    try {
      if (truncated || staged.bytes > this.maxBytes) throw payloadTooLarge(`照片不能超过 ${sizeText(this.maxBytes)}，请压缩后重新上传`)
      if (staged.bytes === 0) throw badRequest('文件是空的，请重新选择', 'file')
      const mimeType = detectUploadType(staged.head)
      if (!mimeType || !PHOTO_TYPES.has(mimeType)) throw unsupportedType('只能上传 JPG、PNG 或 HEIC 照片')
      const row = await this.db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(complaintPhotos)
          .values({ citizenId, sha256: staged.sha256, mimeType, bytes: staged.bytes, createdAt: now })
          .returning()
        // Last step before the commit: if the bytes cannot be stored, the row rolls back with them.
        await staged.commit()
        return inserted
      })
      return photoView(row, this.signer, now)
    } finally {
      await staged.discard()
    }
  }

  /**
   * Inside the filing transaction: attaches the citizen's unattached photos in the given order.
   * Someone else's, unknown or already used photos answer 400 (field photoIds).
   */
  async attach(tx: DbOrTx, citizenId: string, complaintId: string, photoIds: readonly string[]): Promise<void> {
    if (photoIds.length === 0) return
    if (photoIds.length > COMPLAINT_PHOTOS_MAX) throw badRequest(`最多上传 ${COMPLAINT_PHOTOS_MAX} 张照片`, 'photoIds')
    const rows = await tx
      .select({ id: complaintPhotos.id, complaintId: complaintPhotos.complaintId, citizenId: complaintPhotos.citizenId })
      .from(complaintPhotos)
      .where(inArray(complaintPhotos.id, [...photoIds]))
      .for('update')
    const usable = new Set(rows.filter((r) => r.citizenId === citizenId && r.complaintId === null).map((r) => r.id))
    const mine = new Set(rows.filter((r) => r.citizenId === citizenId).map((r) => r.id))
    for (const id of photoIds) {
      if (!mine.has(id)) throw badRequest('照片不存在或已过期，请重新上传', 'photoIds')
      if (!usable.has(id)) throw badRequest('照片已用于其他投诉建议，请重新上传', 'photoIds')
    }
    for (const [position, id] of photoIds.entries()) {
      await tx.update(complaintPhotos).set({ complaintId, position }).where(eq(complaintPhotos.id, id))
    }
  }
}

/** Deletes photos never attached to a complaint within a day. Safe on several instances. */
export async function sweepUnattachedPhotos(db: DbOrTx, now = new Date()): Promise<number> {
  const removed = await db
    .delete(complaintPhotos)
    .where(and(isNull(complaintPhotos.complaintId), lt(complaintPhotos.createdAt, new Date(now.getTime() - UNATTACHED_TTL_MS))))
    .returning({ id: complaintPhotos.id })
  return removed.length
}
