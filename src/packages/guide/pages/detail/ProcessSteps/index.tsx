import { View, Text } from '@tarojs/components'
import type { ProcessStep } from '../../../../../../types/matters'
import './index.scss'

/** 受理条件. */
export function Conditions({ conditions }: { conditions: string[] }) {
  return (
    <View className="card process">
      <Text className="card__title">受理条件</Text>
      {conditions.length === 0 ? <Text className="muted">无特别条件</Text> : null}
      {conditions.map((condition, index) => (
        <Text key={index} className="process__condition">
          {index + 1}. {condition}
        </Text>
      ))}
    </View>
  )
}

/** 办理流程. */
export function ProcessSteps({ steps }: { steps: ProcessStep[] }) {
  return (
    <>
      <View className="card process">
        <Text className="card__title">办理流程</Text>
        {steps.map((step, index) => (
          <View key={index} className="process__step">
            <Text className="process__index">{index + 1}</Text>
            <View className="process__body">
              <Text className="process__name">{step.name}</Text>
              {step.description ? <Text className="process__description">{step.description}</Text> : null}
            </View>
          </View>
        ))}
      </View>
    </>
  )
}
