import type { DocumentRef } from '../../../types/matters'
import type { PrereviewDetail, PrereviewFile } from '../../../types/prereviews'
import { documentUrl } from '../../api/matters'
import { userMessage } from '../../api/ApiError'
import { signedFileUrl } from '../../api/prereviews'
import { toast } from '../../navigation'
import { previewDocument } from '../../platform/document'
import type { PrereviewStore } from './PrereviewStore'
import { useMaterialPicker } from './useMaterialPicker'

function openDocument(url: string, fileName: string): void {
  previewDocument(url, fileName).catch((e: unknown) => toast(e instanceof Error && e.message ? e.message : '文件打开失败'))
}

/** Everything a MaterialCard does, wired to the store and the upload queue of one pre-review. */
export function useMaterialActions(prereviews: PrereviewStore, detail: PrereviewDetail | null) {
  const picker = useMaterialPicker(prereviews, detail?.id ?? null)

  return {
    /** Some page is still on its way up. */
    uploading: picker.busy,
    cardProps: (slotKey: string) => ({
      uploads: picker.uploadsOf(slotKey),
      held: picker.heldOf(slotKey),
      sources: picker.sources,
      onAdd: (source: Parameters<typeof picker.add>[1]) => picker.add(slotKey, source),
      onRetry: picker.retry,
      onDismiss: picker.dismiss,
      onKeepHeld: picker.keep,
      onRetake: picker.retake,
      onRemoveFile: (file: PrereviewFile) => {
        if (!detail) return
        prereviews.removeFile(detail.id, slotKey, file.id).catch((error: unknown) => toast(userMessage(error)))
      },
      onOpenDocument: (document: DocumentRef) => openDocument(documentUrl(document), document.fileName),
      onOpenPdf: (file: PrereviewFile) => openDocument(signedFileUrl(file.url), `${file.id}.pdf`),
    }),
  }
}
