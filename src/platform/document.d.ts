import type { PreviewDocument } from './types'

export declare const previewDocument: PreviewDocument
