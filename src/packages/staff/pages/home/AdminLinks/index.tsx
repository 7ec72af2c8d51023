import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffProfile } from '../../../../../../types/auth'
import { staffAdminPages } from '../../../adminRoutes'

/** Admins only (the server refuses anyone else): 消息发送记录, how WeChat and SMS deliveries went. */
export function AdminLinks({ staff }: { staff: StaffProfile }) {
  if (staff.role !== 'admin') return null
  return (
    <Button block fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: staffAdminPages.deliveries })}>
      消息发送记录
    </Button>
  )
}
