import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { create } from 'qrcode/lib/core/qrcode'
import { useMemo } from 'react'
import './index.scss'

/** Drawn width in the 750 design; the quiet zone is the padding in index.scss. */
const QR_WIDTH = 440

interface Run {
  dark: boolean
  length: number
}

/** Each row of the matrix as runs of light and dark modules. */
export function qrRows(text: string): { size: number; rows: Run[][] } {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules
  const rows: Run[][] = []
  for (let r = 0; r < size; r++) {
    const runs: Run[] = []
    for (let c = 0; c < size; c++) {
      const dark = data[r * size + c] === 1
      const last = runs[runs.length - 1]
      if (last && last.dark === dark) last.length += 1
      else runs.push({ dark, length: 1 })
    }
    rows.push(runs)
  }
  return { size, rows }
}

/**
 * A QR code drawn with plain views (runs of dark modules per row): the same
 * markup on weapp and H5, printable, and no canvas to wait for. Only subpackages import it, so
 * qrcode's encoder never reaches the main package.
 */
export function QrCode({ text }: { text: string }) {
  const { size, rows } = useMemo(() => qrRows(text), [text])
  // Inline sizes are not converted by Taro's px pass: pxTransform gives rpx (weapp) or rem (H5).
  const rowHeight = Taro.pxTransform(QR_WIDTH / size)
  return (
    <View className="qr-code" data-text={text}>
      {rows.map((runs, r) => (
        <View key={r} className="qr-code__row" style={{ height: rowHeight }}>
          {runs.map((run, i) => (
            <View key={i} className={run.dark ? 'qr-code__dark' : 'qr-code__light'} style={{ width: `${(run.length / size) * 100}%` }} />
          ))}
        </View>
      ))}
    </View>
  )
}
