/** Logging in with the host's account (WeChat). */
export interface WechatLogin {
  /** True where a WeChat login code can be obtained (the mini-program). */
  readonly available: boolean
  /** The phone can be bound with WeChat's getPhoneNumber button. */
  readonly phoneButton: boolean
  /** A fresh, single-use code for POST /api/auth/wechat. */
  getCode(): Promise<string>
}

/**
 * Shows a public document (blank form, filled sample) served by OUR API.
 * Never hands a document to a third-party previewer.
 */
export type PreviewDocument = (url: string, fileName: string) => Promise<void>

export interface MapPlace {
  latitude: number
  longitude: number
  name: string
  address: string
}

/** Shows a place on a map (the host's map on weapp; amap.com's marker page on H5). */
export type OpenMap = (place: MapPlace) => Promise<void>

/** Reads a QR code with the device camera (the walk-in receipt's, for the progress lookup). */
export interface CodeScanner {
  /** False where there is no scanner; the page then offers typed entry only. */
  readonly available: boolean
  /** The code's text, or null when the user cancelled or nothing was read. */
  scan(): Promise<string | null>
}

export interface NetworkStatus {
  /** False only when the device says it has no network (a request would not leave it). */
  isOnline(): boolean
  /** Calls back on every change of `isOnline()`; returns the unsubscribe. */
  subscribe(listener: (online: boolean) => void): () => void
}
