import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { MatterDetail } from '../../../../../../types/matters'
import { AUDIENCES, CASE_KINDS } from '../../../../../../types/enums'
import { visitsLabel } from '../../../../../components/format'
import './index.scss'

export function GuideHeader({ matter }: { matter: MatterDetail }) {
  const { flags } = matter
  return (
    <View className="guide-header">
      <Text className="guide-header__name">{matter.name}</Text>
      <Text className="guide-header__department">{matter.department.name}</Text>
      <View className="guide-header__tags">
        <Tag type={matter.visitsRequired === 0 ? 'success' : 'primary'}>{visitsLabel(matter.visitsRequired)}</Tag>
        <Tag plain type="primary">{CASE_KINDS[matter.caseKind]}</Tag>
        {matter.audiences.map((a) => (
          <Tag key={a} plain type="default">
            {AUDIENCES[a]}
          </Tag>
        ))}
        {flags.appointment ? <Tag plain type="primary">可预约</Tag> : null}
        {flags.onlinePayment ? <Tag plain type="primary">网上缴费</Tag> : null}
        {flags.mailDelivery ? <Tag plain type="primary">可邮寄</Tag> : null}
        {flags.onlineApplication ? <Tag plain type="primary">可网上申办</Tag> : null}
      </View>
    </View>
  )
}
