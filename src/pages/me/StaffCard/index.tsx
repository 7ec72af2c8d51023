import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffProfile } from '../../../../types/auth'
import { STAFF_ROLES } from '../../../../types/enums'
import { StaffWorkLinks } from '../../../components/StaffWorkLinks'
import { routes } from '../../../routes'
import './index.scss'

interface StaffCardProps {
  staff: StaffProfile
  onSignOut: () => void
}

export function StaffCard({ staff, onSignOut }: StaffCardProps) {
  return (
    <View className="card staff-card">
      <Text className="staff-card__name">{staff.displayName}</Text>
      <Text className="muted">
        {STAFF_ROLES[staff.role]}
        {staff.department ? ` · ${staff.department.name}` : ''}
      </Text>
      <Text className="muted">您正以工作人员身份登录。</Text>
      <StaffWorkLinks staff={staff} />
      <Button block fill="outline" type="default" onClick={() => void Taro.navigateTo({ url: routes.staffHome })}>
        进入工作台
      </Button>
      <Button block fill="outline" type="default" onClick={onSignOut}>
        退出登录
      </Button>
    </View>
  )
}
