import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { BundleSummary } from '../../../../../../types/bundles'
import { AUDIENCES } from '../../../../../../types/enums'
import { FlagTag } from '../../../../../components/FlagTag'
import './index.scss'

/** One 一件事: what it is for, and each member service with the department that reviews it. */
export function BundleCard({ bundle, onApply }: { bundle: BundleSummary; onApply: () => void }) {
  return (
    <View className="card bundle-card">
      <View className="bundle-card__head">
        <Text className="bundle-card__name">{bundle.name}</Text>
        <FlagTag tone="primary">{AUDIENCES[bundle.audience]}</FlagTag>
      </View>
      <Text className="bundle-card__description">{bundle.description}</Text>
      <View className="bundle-card__members">
        {bundle.members.map((member, index) => (
          <View key={member.matterId} className="bundle-card__member">
            <Text className="bundle-card__member-name">
              {index + 1}. {member.matterName}
            </Text>
            <Text className="bundle-card__department">{member.departmentName}</Text>
          </View>
        ))}
      </View>
      <Button className="bundle-card__apply" type="primary" block onClick={onApply}>
        在线申请（{bundle.members.length}个事项）
      </Button>
    </View>
  )
}
