import { View, Text } from '@tarojs/components'
import { QrCode } from '../../../../../components/QrCode'
import './index.scss'

/** 'K7M2Q9XD' → 'K7M2 Q9XD': easier to read out at the window. */
const spaced = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ')

/** The check-in QR code and the typed code, to show at the hall on the day. */
export function CheckInCard({ code, payload }: { code: string; payload: string }) {
  return (
    <View className="card check-in-card">
      <Text className="card__title">签到码</Text>
      <QrCode text={payload} />
      <Text className="check-in-card__code">{spaced(code)}</Text>
      <Text className="check-in-card__hint">预约当天到大厅后，请向工作人员出示此二维码或报出签到码，签到后即取得排队号。</Text>
    </View>
  )
}
