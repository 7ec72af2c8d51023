import Taro, { useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { STAFF_ROLES } from '../../../../../types/enums'
import { FlagTag } from '../../../../components/FlagTag'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { StaffWorkLinks } from '../../../../components/StaffWorkLinks'
import { useStores } from '../../../../stores/context'
import { routes, TAB_PAGES } from '../../../../routes'
import { useStaffWorkbench } from '../../useStaffCases'
import { useStaffGuard } from '../../useStaffGuard'
import { BookingLinks } from './BookingLinks'
import { RatingLinks } from './RatingLinks'
import { AdminLinks } from './AdminLinks'
import { ComplaintLink } from './ComplaintLink'
import { StaffMatterList } from './StaffMatterList'
import './index.scss'

const StaffHomePage = observer(function StaffHomePage() {
  const { session } = useStores()
  const staff = useStaffWorkbench()
  const allowed = useStaffGuard()

  useEffect(() => {
    if (allowed && staff.status === 'idle') void staff.reload()
  }, [allowed, staff])
  useReachBottom(() => {
    if (allowed) void staff.loadMore()
  })

  if (!allowed || !session.staff) {
    return (
      <PageShell name="staff-home">
        <LoadState status="loading" />
      </PageShell>
    )
  }
  const me = session.staff
  const signOut = async () => {
    await session.signOut()
    void Taro.switchTab({ url: TAB_PAGES.me })
  }

  return (
    <PageShell name="staff-home">
      <View className="card staff-home__me">
        <View className="staff-home__who">
          <Text className="staff-home__name">{me.displayName}</Text>
          <FlagTag>{STAFF_ROLES[me.role]}</FlagTag>
        </View>
        <Text className="muted">{me.department ? me.department.name : '全部部门'}</Text>
        <StaffWorkLinks staff={me} />
        <BookingLinks staff={me} />
        <RatingLinks staff={me} />
        <AdminLinks staff={me} />
        <ComplaintLink />
        <Button size="small" fill="outline" type="default" onClick={signOut}>
          退出登录
        </Button>
      </View>
      <StaffMatterList
        title={me.role === 'admin' ? '全部事项' : '本部门事项'}
        matters={staff.matters}
        total={staff.total}
        status={staff.status}
        error={staff.error}
        hasMore={staff.hasMore}
        canEdit={session.canEditGuides}
        onOpen={(id) => void Taro.navigateTo({ url: session.canEditGuides ? routes.staffMatter(id) : routes.guide(id) })}
        onRetry={() => void (staff.matters.length ? staff.loadMore() : staff.reload())}
      />
    </PageShell>
  )
})

export default StaffHomePage
