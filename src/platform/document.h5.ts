import { openInNewTab } from './openUrl.h5'
import type { PreviewDocument } from './types'

/** The browser's own viewer, in a new tab; the file comes straight from our API. */
export const previewDocument: PreviewDocument = async (url) => {
  openInNewTab(url)
}
