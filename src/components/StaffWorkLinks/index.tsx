import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffProfile } from '../../../types/auth'
import { caseRoutes, staffPrereviewRoutes } from '../../routes'

/** The staff member's ways into their work (cases, pre-reviews); what is offered follows the server's profile flags. */
export function StaffWorkLinks({ staff }: { staff: StaffProfile }) {
  const go = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <>
      <Button type="primary" block onClick={go(caseRoutes.staffQueue)}>
        办件队列
      </Button>
      <Button block fill="outline" type="primary" onClick={go(staffPrereviewRoutes.queue)}>
        预审队列
      </Button>
      <Button block fill="outline" type="primary" onClick={go(caseRoutes.staffWalkIn)}>
        窗口收件
      </Button>
      {staff.canSupervise ? (
        <Button block fill="outline" type="primary" onClick={go(caseRoutes.staffSupervision)}>
          督办
        </Button>
      ) : null}
    </>
  )
}
