import { View, Text } from '@tarojs/components'
import './index.scss'

export interface BarSegment {
  /** % of the row. */
  length: number
  tone: string
}

export interface BarRow {
  key: string
  label: string
  segments: BarSegment[]
  value: string
}

/** Rows of label, bar (one or more stacked segments, % of the row) and the number it stands for. */
export function HorizontalBars({ rows }: { rows: BarRow[] }) {
  return (
    <View className="h-bars">
      {rows.map((row) => (
        <View key={row.key} className="h-bars__row">
          <View className="h-bars__head">
            <Text className="h-bars__label">{row.label}</Text>
            <Text className="h-bars__value">{row.value}</Text>
          </View>
          <View className="h-bars__track">
            {row.segments.map((segment, i) =>
              segment.length > 0 ? (
                <View key={i} className={`h-bars__segment h-bars__segment--${segment.tone}`} style={{ width: `${segment.length}%` }} />
              ) : null,
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
