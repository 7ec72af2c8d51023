import { View, Text } from '@tarojs/components'
import { LIGHTS, type Light } from '../../../../../../types/enums'
import './index.scss'

const LIGHT_KEYS = Object.keys(LIGHTS) as Light[]

interface LightFilterProps {
  light: Light | null
  onChange: (light: Light | null) => void
}

/** 全部 / 正常 / 即将到期 / 已超期 as chips. */
export function LightFilter({ light, onChange }: LightFilterProps) {
  const chip = (active: boolean, extra = '') => `light-filter__chip${active ? ' light-filter__chip--active' : ''}${extra}`
  return (
    <View className="light-filter">
      <Text className={chip(light === null)} onClick={() => onChange(null)}>
        全部
      </Text>
      {LIGHT_KEYS.map((key) => (
        <Text key={key} className={chip(light === key, ` light-filter__chip--${key}`)} onClick={() => onChange(key)}>
          {LIGHTS[key]}
        </Text>
      ))}
    </View>
  )
}
