import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { DELIVERY_MODES } from '../../../../../types/enums'
import { EmptyState } from '../../../../components/EmptyState'
import { formatDateTime } from '../../../../components/format'
import { PageShell } from '../../../../components/PageShell'
import { encodeReceiptCode } from '../../../../components/receiptCode'
import { caseRoutes } from '../../../../routes'
import { useStaffCases } from '../../useStaffCases'
import { useStaffGuard } from '../../useStaffGuard'
import { QrCode } from '../../../../components/QrCode'
import './index.scss'

/**
 * The walk-in receipt: number, query password and a QR code of both for the
 * 进度 tab's scanner. The password is shown this once and kept in memory only.
 */
const ReceiptPage = observer(function ReceiptPage() {
  const staffCases = useStaffCases()
  useStaffGuard()
  const receipt = staffCases.receipt

  if (!receipt) {
    return (
      <PageShell name="receipt">
        <EmptyState
          title="没有待打印的回执"
          description="查询密码只在登记成功后显示一次。如申请人遗失，请按规定核验身份后处理。"
          action={
            <Button type="primary" onClick={() => void Taro.redirectTo({ url: caseRoutes.staffQueue })}>
              返回办件队列
            </Button>
          }
        />
      </PageShell>
    )
  }
  const { case: registered, queryPassword } = receipt
  return (
    <PageShell name="receipt">
      <View className="card receipt">
        <Text className="receipt__title">办件回执</Text>
        <Text className="receipt__matter">{registered.matter.name}</Text>
        <Text className="muted">{registered.department.name}</Text>
        <View className="receipt__facts">
          <Text className="receipt__label">办件编号</Text>
          <Text className="receipt__value">{registered.number}</Text>
          <Text className="receipt__label">查询密码</Text>
          <Text className="receipt__value receipt__value--password">{queryPassword}</Text>
          <Text className="receipt__label">申请人</Text>
          <Text className="receipt__value">{registered.applicantNameMasked}</Text>
          <Text className="receipt__label">收件时间</Text>
          <Text className="receipt__value">{formatDateTime(registered.createdAt)}</Text>
          <Text className="receipt__label">结果送达</Text>
          <Text className="receipt__value">{DELIVERY_MODES[registered.delivery.mode]}</Text>
        </View>
        <QrCode text={encodeReceiptCode({ number: registered.number, password: queryPassword })} />
        <Text className="receipt__hint">
          凭办件编号和查询密码，或用“跑一次”小程序“进度”页扫描此码，可随时查询办理进度。请妥善保管查询密码。
        </Text>
      </View>
      <View className="receipt__actions">
        <Button type="primary" block onClick={() => void Taro.redirectTo({ url: caseRoutes.staffCase(registered.id) })}>
          办理此件
        </Button>
        <Button block fill="outline" type="primary" onClick={() => void Taro.redirectTo({ url: caseRoutes.staffWalkIn })}>
          继续收件
        </Button>
      </View>
    </PageShell>
  )
})

export default ReceiptPage
