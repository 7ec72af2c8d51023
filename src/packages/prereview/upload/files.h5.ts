/**
 * H5: the Blob behind each path handed out by this module. A picked or
 * compressed file is known to the rest of the app by an object URL (it shows
 * as an <img src> as is); the Blob itself is kept here so checking,
 * compressing and sending never fetch it back.
 */
const blobs = new Map<string, Blob>()

export function registerBlob(blob: Blob): string {
  const path = URL.createObjectURL(blob)
  blobs.set(path, blob)
  return path
}

export async function blobOf(path: string): Promise<Blob> {
  const known = blobs.get(path)
  if (known) return known
  const response = await fetch(path)
  return response.blob()
}

/** Frees a path's memory once nothing shows or sends it any more. */
export function releaseBlob(path: string): void {
  if (blobs.delete(path)) URL.revokeObjectURL(path)
}

/** The first bytes of a Blob (for mimeType.ts), or null when the browser cannot slice it. */
export async function headOf(blob: Blob, length: number): Promise<Uint8Array | null> {
  try {
    const part = blob.slice(0, length)
    if (typeof part.arrayBuffer === 'function') return new Uint8Array(await part.arrayBuffer())
    return await new Promise<Uint8Array>((resolve, reject) => {
      const reader = new FileReader()
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
      reader.onerror = () => reject(reader.error)
      reader.readAsArrayBuffer(part)
    })
  } catch {
    return null
  }
}
