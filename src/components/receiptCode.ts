/**
 * What the walk-in receipt's QR code holds and the lookup scanner reads:
 * `PYC1:<办件编号>:<查询密码>`. The version prefix lets a later format coexist.
 */
const PREFIX = 'PYC1:'

export interface ReceiptCode {
  number: string
  password: string
}

export function encodeReceiptCode({ number, password }: ReceiptCode): string {
  return `${PREFIX}${number}:${password}`
}

/** Null for anything that is not one of our receipts (a URL, a product barcode…). */
export function parseReceiptCode(text: string): ReceiptCode | null {
  const raw = text.trim()
  if (!raw.startsWith(PREFIX)) return null
  const rest = raw.slice(PREFIX.length)
  // The password never contains a colon; split at the last one.
  const cut = rest.lastIndexOf(':')
  if (cut <= 0 || cut === rest.length - 1) return null
  return { number: rest.slice(0, cut), password: rest.slice(cut + 1) }
}
