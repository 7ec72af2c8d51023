import { View, Text } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import type { DeliveryChoice } from '../../../../../../types/prereviews'
import { DELIVERY_MODES, type DeliveryMode } from '../../../../../../types/enums'
import { FormField } from '../../../../../components/FormField'
import { ADDRESS_MAX } from '../../../formRules'
import './index.scss'

const MODES = Object.keys(DELIVERY_MODES) as DeliveryMode[]

interface DeliveryPickerProps {
  delivery: DeliveryChoice | null
  error: string | null
  onChange: (delivery: DeliveryChoice) => void
}

/** How the result reaches the citizen: at the hall, by mail (with the address), or as an electronic licence. */
export function DeliveryPicker({ delivery, error, onChange }: DeliveryPickerProps) {
  const mode = delivery?.mode
  return (
    <View className="card delivery-picker">
      <Text className="card__title">结果送达</Text>
      <View className="delivery-picker__modes">
        {MODES.map((m) => (
          <Text
            key={m}
            className={`delivery-picker__mode${mode === m ? ' delivery-picker__mode--active' : ''}`}
            onClick={() => onChange(m === 'mail' ? { mode: m, address: delivery?.address ?? '' } : { mode: m })}
          >
            {DELIVERY_MODES[m]}
          </Text>
        ))}
      </View>
      {mode === 'mail' ? (
        <FormField label="邮寄地址" error={error}>
          <TextArea
            value={delivery?.address ?? ''}
            maxLength={ADDRESS_MAX}
            placeholder="省市区、街道、门牌号、收件人"
            onChange={(address) => onChange({ mode: 'mail', address })}
          />
        </FormField>
      ) : error ? (
        <Text className="delivery-picker__error">{error}</Text>
      ) : null}
    </View>
  )
}
