import { View, Text } from '@tarojs/components'
import type { CaseDelivery } from '../../../../../../types/cases'
import { DELIVERY_MODES } from '../../../../../../types/enums'

/** How the result reaches the applicant; courier and tracking number once the staff mailed it. */
export function DeliveryInfo({ delivery }: { delivery: CaseDelivery }) {
  return (
    <View className="card">
      <Text className="card__title">结果送达 · {DELIVERY_MODES[delivery.mode]}</Text>
      {delivery.addressMasked ? <Text className="muted">邮寄地址 {delivery.addressMasked}</Text> : null}
      {delivery.mode === 'mail' ? (
        <View>
          <Text className="muted">
            {delivery.courier && delivery.trackingNumber
              ? `${delivery.courier} · 运单号 ${delivery.trackingNumber}`
              : '办结后寄出，届时显示快递公司和运单号'}
          </Text>
        </View>
      ) : null}
      {delivery.mode === 'hall' ? <Text className="muted">办结后请凭身份证到办事大厅窗口领取。</Text> : null}
      {delivery.mode === 'electronic' ? <Text className="muted">办结后电子证照发送至您的账号。</Text> : null}
    </View>
  )
}
