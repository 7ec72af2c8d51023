import type { CodeScanner } from './types'

/**
 * The H5 app types the number and password in: a browser camera scanner needs
 * `BarcodeDetector` (missing in Safari and Firefox) or a decoder library too
 * heavy for the first load, and the receipt prints both values in plain text.
 */
export const codeScanner: CodeScanner = {
  available: false,
  async scan() {
    return null
  },
}
