/** Sending one file as multipart (field "file"): transfer.weapp.ts (Taro.uploadFile) / transfer.h5.ts (XMLHttpRequest). */

export interface TransferOptions {
  /** An API path (`/api/prereviews/…/files`) or an absolute URL. */
  url: string
  filePath: string
  /** The session token, sent as `Authorization: Bearer …` when not null. */
  token: string | null
  /** 0..1 as the bytes go out. */
  onProgress: (fraction: number) => void
}

/** Resolves the parsed JSON body of a 2xx answer; rejects with an ApiError (Chinese `message`, `status` 0 when no answer). */
export declare function transferFile(options: TransferOptions): Promise<unknown>
