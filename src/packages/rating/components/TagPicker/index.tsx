import { View, Text } from '@tarojs/components'
import type { RatingTag } from '../../../../../types/ratingTags'
import './index.scss'

interface TagPickerProps {
  options: Partial<Record<RatingTag, string>>
  value: RatingTag[]
  onChange: (tags: RatingTag[]) => void
}

/** Tappable chips (multiple choice). */
export function TagPicker({ options, value, onChange }: TagPickerProps) {
  const toggle = (tag: RatingTag) => onChange(value.includes(tag) ? value.filter((t) => t !== tag) : [...value, tag])
  return (
    <View className="tag-picker">
      {(Object.keys(options) as RatingTag[]).map((tag) => (
        <Text key={tag} className={`tag-picker__chip${value.includes(tag) ? ' tag-picker__chip--on' : ''}`} onClick={() => toggle(tag)}>
          {options[tag]}
        </Text>
      ))}
    </View>
  )
}
