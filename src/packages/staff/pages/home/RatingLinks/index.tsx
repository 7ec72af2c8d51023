import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffProfile } from '../../../../../../types/auth'
import { staffRatingPages } from '../../../ratingRoutes'

/**
 * 好差评 work: 差评处理 for everyone, 评价统计 for leads and admins, 申诉裁定
 * for admins (the server enforces the same). On the workbench rather than in
 * StaffWorkLinks, which the 我的 tab (main package) also shows.
 */
export function RatingLinks({ staff }: { staff: StaffProfile }) {
  const go = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <>
      <Button block fill="outline" type="primary" onClick={go(staffRatingPages.list)}>
        差评处理
      </Button>
      {staff.role !== 'window' ? (
        <Button block fill="outline" type="primary" onClick={go(staffRatingPages.statistics)}>
          评价统计
        </Button>
      ) : null}
      {staff.role === 'admin' ? (
        <Button block fill="outline" type="primary" onClick={go(staffRatingPages.appeals)}>
          申诉裁定
        </Button>
      ) : null}
    </>
  )
}
