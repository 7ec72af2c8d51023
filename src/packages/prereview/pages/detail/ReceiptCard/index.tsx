import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CaseReceipt } from '../../../../../../types/prereviews'
import { QrCode } from '../../../../../components/QrCode'
import './index.scss'

/** The case a passed part became: number, query password, the lookup QR code, the hall, and 预约到厅 when a visit is needed. */
export function ReceiptCard({ receipt, onBook }: { receipt: CaseReceipt; onBook: () => void }) {
  return (
    <View className="receipt-card">
      <View className="receipt-card__row">
        <Text className="receipt-card__label">办件编号</Text>
        <Text className="receipt-card__value">{receipt.caseNumber}</Text>
      </View>
      <View className="receipt-card__row">
        <Text className="receipt-card__label">查询密码</Text>
        <Text className="receipt-card__value">{receipt.queryPassword}</Text>
      </View>
      <QrCode text={receipt.receiptCode} />
      <Text className="muted receipt-card__hint">凭办件编号和查询密码，或扫描二维码，可在“进度”中查询办理进度。</Text>
      <View className="receipt-card__hall">
        <Text className="receipt-card__hall-name">{receipt.hall.name}</Text>
        <Text className="muted">{receipt.hall.address}</Text>
      </View>
      {receipt.needsVisit ? (
        <View className="receipt-card__visit">
          <Text className="receipt-card__visit-text">请携带材料原件到大厅核验一次，建议先预约。</Text>
          <Button type="primary" block onClick={onBook}>
            预约到厅
          </Button>
        </View>
      ) : (
        <Text className="receipt-card__visit-text">无需到厅，请留意办理进度和结果送达。</Text>
      )}
    </View>
  )
}
