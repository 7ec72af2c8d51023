/**
 * The pages a citizen attaches to a pre-review's materials: who may add or
 * remove them when, the size limits, and the type by magic bytes. The bytes
 * are staged by the route while streaming and only committed to storage once
 * every check has passed, in the same transaction that records the row.
 */
import { and, eq, isNull, sql, sum } from 'drizzle-orm'
import type { PrereviewFile } from '../../../../types/prereviews'
import type { Db, DbOrTx } from '../../db/client'
import { prereviewFiles, prereviewParts, prereviews, prereviewVerdicts, type PrereviewFileRow, type PrereviewRow } from '../../db/schema'
import { HttpError, badRequest, conflict, notFound } from '../../errors'
import type { StagedFile } from '../documents/fileStorage'
import type { FileUrlSigner } from './fileUrlSigner'
import { materialSlots } from '../prereviews/materialSlots'
import { targetOf } from '../prereviews/prereviewTargets'
import { ACCEPTED_TYPES_TEXT, detectUploadType } from './uploadType'

export interface UploadLimits {
  maxFileBytes: number
  maxTotalBytes: number
}

/** What the route needs before it reads the body. */
export interface UploadPlan {
  /** Stop reading past this many bytes: the smaller of the per-file limit and what the pre-review has left. */
  byteLimit: number
}

const NOT_FOUND = '未找到该预审'
const SLOT_NOT_FOUND = '该预审没有这项材料'
const FILE_NOT_FOUND = '未找到该文件'

export const payloadTooLarge = (message: string) => new HttpError(413, message)
export const unsupportedType = (message: string) => new HttpError(415, message)

/** "10 MB", "1.5 MB", or "64 KB" for small limits. */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
  return `${Math.floor(bytes / 1024)} KB`
}

/** The contract's view of a stored page, with a fresh signed URL. Only for callers who may see the file. */
export function prereviewFileView(row: PrereviewFileRow, signer: FileUrlSigner, now: Date = new Date()): PrereviewFile {
  const { url, expiresAt } = signer.sign(row.id, now)
  return {
    id: row.id,
    mimeType: row.mimeType,
    bytes: row.bytes,
    round: row.round,
    url,
    urlExpiresAt: expiresAt.toISOString(),
    uploadedAt: row.uploadedAt.toISOString(),
  }
}

export class PrereviewFileService {
  constructor(
    private readonly db: Db,
    private readonly signer: FileUrlSigner,
    readonly limits: UploadLimits,
  ) {}

  /** Bytes of the pre-review's current pages (not replaced by a correction), which count against its limit. */
  async usedBytes(db: DbOrTx, prereviewId: string): Promise<number> {
    const [row] = await db
      .select({ total: sum(prereviewFiles.bytes) })
      .from(prereviewFiles)
      .where(and(eq(prereviewFiles.prereviewId, prereviewId), isNull(prereviewFiles.replacedAt)))
    return Number(row?.total ?? 0)
  }

  /** Checks everything that does not need the bytes, so a refused upload is refused before it is read. */
  async planUpload(citizenId: string, prereviewId: string, slotKey: string): Promise<UploadPlan> {
    const prereview = await this.ownPrereview(this.db, citizenId, prereviewId)
    await this.assertSlotEditable(this.db, prereview, slotKey)
    const left = this.limits.maxTotalBytes - (await this.usedBytes(this.db, prereviewId))
    if (left <= 0) throw payloadTooLarge(this.totalLimitMessage())
    return { byteLimit: Math.min(this.limits.maxFileBytes, left) }
  }

  /**
   * Records a staged upload as the next page of the material, or discards it.
   * `truncated` is the parser's word that the stream stopped at the byte limit.
   */
  async saveUpload(
    citizenId: string,
    prereviewId: string,
    slotKey: string,
    staged: StagedFile,
    truncated: boolean,
    now: Date = new Date(),
  ): Promise<PrereviewFile> {
    try {
      if (truncated || staged.bytes > this.limits.maxFileBytes) {
        // Past the plan's limit: either the file itself is too big or it does not fit in what is left.
        throw payloadTooLarge(staged.bytes >= this.limits.maxFileBytes ? this.fileLimitMessage() : this.totalLimitMessage())
      }
      if (staged.bytes === 0) throw badRequest('文件是空的，请重新选择', 'file')
      const mimeType = detectUploadType(staged.head)
      if (!mimeType) throw unsupportedType(`不支持该文件类型，请上传 ${ACCEPTED_TYPES_TEXT}`)

      const row = await this.db.transaction(async (tx) => {
        // Locking the row serialises uploads to one pre-review, so the total is checked against committed pages.
        const prereview = await this.touchOwnPrereview(tx, citizenId, prereviewId, now)
        await this.assertEditable(tx, prereview, slotKey)
        const [pages] = await tx
          .select({
            used: sql<string | null>`sum(${prereviewFiles.bytes}) FILTER (WHERE ${prereviewFiles.replacedAt} IS NULL)`,
            lastPosition: sql<number | null>`max(${prereviewFiles.position}) FILTER (WHERE ${prereviewFiles.slotKey} = ${slotKey})`,
          })
          .from(prereviewFiles)
          .where(eq(prereviewFiles.prereviewId, prereviewId))
        if (Number(pages?.used ?? 0) + staged.bytes > this.limits.maxTotalBytes) throw payloadTooLarge(this.totalLimitMessage())
        const [inserted] = await tx
          .insert(prereviewFiles)
          .values({
            prereviewId,
            slotKey,
            round: prereview.round + 1,
            position: Number(pages?.lastPosition ?? 0) + 1,
            sha256: staged.sha256,
            mimeType,
            bytes: staged.bytes,
            uploadedAt: now,
          })
          .returning()
        // Last step before the commit: if the bytes cannot be stored, the row rolls back with them.
        await staged.commit()
        return inserted
      })
      return prereviewFileView(row, this.signer, now)
    } finally {
      // A no-op after a commit; otherwise nothing of a refused upload stays behind.
      await staged.discard()
    }
  }

  /** Removes a page attached since the last submission; submitted pages are the history of the pre-review. */
  async remove(citizenId: string, prereviewId: string, fileId: string, now: Date = new Date()): Promise<void> {
    await this.db.transaction(async (tx) => {
      const prereview = await this.touchOwnPrereview(tx, citizenId, prereviewId, now)
      const [file] = await tx
        .select()
        .from(prereviewFiles)
        .where(and(eq(prereviewFiles.id, fileId), eq(prereviewFiles.prereviewId, prereviewId)))
      if (!file) throw notFound(FILE_NOT_FOUND)
      if (file.round !== prereview.round + 1 || file.replacedAt) {
        throw conflict('该文件已随预审提交，不能删除；如需更正，请在补正时上传新的文件')
      }
      await this.assertEditable(tx, prereview, file.slotKey)
      await tx.delete(prereviewFiles).where(eq(prereviewFiles.id, fileId))
    })
  }

  fileLimitMessage(): string {
    return `单个文件不能超过 ${sizeText(this.limits.maxFileBytes)}，请压缩后重新上传`
  }

  totalLimitMessage(): string {
    return `本次预审的材料总大小不能超过 ${sizeText(this.limits.maxTotalBytes)}，请删除不需要的文件或压缩后再上传`
  }

  /** Someone else's pre-review answers exactly like an unknown one. */
  private async ownPrereview(db: DbOrTx, citizenId: string, prereviewId: string): Promise<PrereviewRow> {
    const [row] = await db
      .select()
      .from(prereviews)
      .where(and(eq(prereviews.id, prereviewId), eq(prereviews.citizenId, citizenId)))
    if (!row) throw notFound(NOT_FOUND)
    return row
  }

  /** Marks the pre-review changed and locks its row for the rest of the transaction, in one round trip. */
  private async touchOwnPrereview(tx: DbOrTx, citizenId: string, prereviewId: string, now: Date): Promise<PrereviewRow> {
    const [row] = await tx
      .update(prereviews)
      .set({ updatedAt: now })
      .where(and(eq(prereviews.id, prereviewId), eq(prereviews.citizenId, citizenId)))
      .returning()
    if (!row) throw notFound(NOT_FOUND)
    return row
  }

  private async assertSlotEditable(db: DbOrTx, prereview: PrereviewRow, slotKey: string): Promise<void> {
    const slots = await materialSlots(db, targetOf(prereview))
    if (!slots.some((slot) => slot.key === slotKey)) throw notFound(SLOT_NOT_FOUND)
    await this.assertEditable(db, prereview, slotKey)
  }

  /** draft: every slot; returned: only the slots some part returned in the latest round; otherwise nothing. */
  private async assertEditable(db: DbOrTx, prereview: PrereviewRow, slotKey: string): Promise<void> {
    switch (prereview.status) {
      case 'draft':
        return
      case 'returned': {
        const [returned] = await db
          .select({ one: sql<number>`1` })
          .from(prereviewVerdicts)
          .innerJoin(prereviewParts, eq(prereviewParts.id, prereviewVerdicts.partId))
          .where(
            and(
              eq(prereviewParts.prereviewId, prereview.id),
              eq(prereviewVerdicts.slotKey, slotKey),
              eq(prereviewVerdicts.verdict, 'return'),
              eq(prereviewVerdicts.round, prereview.round),
            ),
          )
          .limit(1)
        if (!returned) throw conflict('这项材料没有被退回，补正时无需修改')
        return
      }
      case 'submitted':
        throw conflict('预审已提交，审核期间不能修改材料')
      case 'withdrawn':
        throw conflict('预审已撤回，不能再修改材料')
      default:
        throw conflict('预审已办结，不能再修改材料')
    }
  }
}
