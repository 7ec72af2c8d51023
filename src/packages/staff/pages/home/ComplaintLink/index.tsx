import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { complaintRoutes } from '../../../../../routes'

/** 投诉建议处理: the department's complaints (admin: all). On the workbench, not in StaffWorkLinks (the 我的 tab shows those). */
export function ComplaintLink() {
  return (
    <Button block fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: complaintRoutes.staffQueue })}>
      投诉建议
    </Button>
  )
}
