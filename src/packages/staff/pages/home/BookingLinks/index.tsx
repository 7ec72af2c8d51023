import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffProfile } from '../../../../../../types/auth'
import { bookingPages } from '../../../../booking/routes'

/**
 * The hall's appointment work: 预约签到 for everyone, 预约时段 for leads and
 * admins (the server enforces the same). Here on the workbench, not in
 * StaffWorkLinks, which the 我的 tab also shows: the main package has no room.
 */
export function BookingLinks({ staff }: { staff: StaffProfile }) {
  const go = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <>
      <Button block fill="outline" type="primary" onClick={go(bookingPages.staffHallDay)}>
        预约签到
      </Button>
      {staff.role !== 'window' ? (
        <Button block fill="outline" type="primary" onClick={go(bookingPages.staffSlots)}>
          预约时段
        </Button>
      ) : null}
    </>
  )
}
