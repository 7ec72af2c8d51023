import { View, Text } from '@tarojs/components'
import './index.scss'

const STARS = [1, 2, 3, 4, 5]

/** One scored item: its name and five large stars (5 = best); tapping the lit top star clears it. */
export function ScoreStars({ label, value, onChange }: { label: string; value: number | undefined; onChange: (stars: number | undefined) => void }) {
  return (
    <View className="score-stars">
      <Text className="score-stars__label">{label}</Text>
      <View className="score-stars__row">
        {STARS.map((stars) => (
          <Text
            key={stars}
            className={`score-stars__star${value !== undefined && stars <= value ? ' score-stars__star--on' : ''}`}
            onClick={() => onChange(value === stars ? undefined : stars)}
          >
            ★
          </Text>
        ))}
      </View>
    </View>
  )
}
