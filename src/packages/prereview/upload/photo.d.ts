/** Reading and re-encoding photos on the device: photo.weapp.ts / photo.h5.ts (see platform/README.md for the pattern). */
import type { PhotoQuality, PickedFile } from './types'

/** Brightness and sharpness of a photo (null for a PDF, or when the pixels cannot be read here). */
export declare function checkPhoto(file: PickedFile): Promise<PhotoQuality | null>
/** The photo resized and re-encoded per compressionPlan.ts; PDFs, HEIC and small photos come back as they are. */
export declare function compressPhoto(file: PickedFile): Promise<PickedFile>
