import { View, Text } from '@tarojs/components'
import './index.scss'

interface ChoiceChipsProps<K extends string> {
  labels: Record<K, string>
  value: K | null
  onChange: (key: K) => void
  /** Block modifier, so tests and styles can tell the rows apart (kind, category, satisfaction). */
  name: string
}

/** One choice among labelled chips (投诉/建议, the categories, 满意/基本满意/不满意). */
export function ChoiceChips<K extends string>({ labels, value, onChange, name }: ChoiceChipsProps<K>) {
  return (
    <View className={`choice-chips choice-chips--${name}`}>
      {(Object.keys(labels) as K[]).map((key) => (
        <Text
          key={key}
          className={`choice-chips__chip choice-chips__chip--${key}${value === key ? ' choice-chips__chip--active' : ''}`}
          onClick={() => onChange(key)}
        >
          {labels[key]}
        </Text>
      ))}
    </View>
  )
}
