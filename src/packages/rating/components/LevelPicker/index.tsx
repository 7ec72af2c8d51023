import { View, Text } from '@tarojs/components'
import type { RatingLevel } from '../../../../../types/enums'
import { LEVEL_ORDER, RATING_LEVEL_LABELS } from '../../../../components/ratingLabels'
import './index.scss'

/** The mouth of each face, happiest first (drawn with borders: the same on weapp and H5, no icon font). */
const MOUTHS: Record<RatingLevel, string> = {
  verySatisfied: 'grin',
  satisfied: 'smile',
  basicallySatisfied: 'flat',
  dissatisfied: 'frown',
  veryDissatisfied: 'sad',
}

/** Five large faces with their names; one tap picks a level. */
export function LevelPicker({ value, onChange }: { value: RatingLevel | null; onChange: (level: RatingLevel) => void }) {
  return (
    <View className="level-picker">
      {LEVEL_ORDER.map((level) => (
        <View
          key={level}
          className={`level-picker__option level-picker__option--${level}${value === level ? ' level-picker__option--on' : ''}`}
          onClick={() => onChange(level)}
        >
          <View className="level-face">
            <View className="level-face__eye level-face__eye--left" />
            <View className="level-face__eye level-face__eye--right" />
            <View className={`level-face__mouth level-face__mouth--${MOUTHS[level]}`} />
          </View>
          <Text className="level-picker__label">{RATING_LEVEL_LABELS[level]}</Text>
        </View>
      ))}
    </View>
  )
}
