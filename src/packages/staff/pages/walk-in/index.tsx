import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { caseRoutes } from '../../../../routes'
import { useStaffCases, useStaffWorkbench } from '../../useStaffCases'
import { useStaffGuard } from '../../useStaffGuard'
import { WalkInForm } from './WalkInForm'

/** 窗口收件: register an applicant who came to the window; the receipt page follows. */
const WalkInPage = observer(function WalkInPage() {
  const staff = useStaffWorkbench()
  const staffCases = useStaffCases()
  const allowed = useStaffGuard()

  useEffect(() => {
    if (allowed && staff.status === 'idle') void staff.reload()
  }, [allowed, staff])

  if (!allowed) {
    return (
      <PageShell name="walk-in">
        <LoadState status="loading" />
      </PageShell>
    )
  }
  return (
    <PageShell name="walk-in">
      <View className="card">
        <Text className="muted">核验申请人身份证原件后登记。提交后生成办件编号和查询密码，请打印回执交申请人。</Text>
      </View>
      {staff.matters.length === 0 && staff.status !== 'ready' ? (
        <LoadState status={staff.status === 'error' ? 'error' : 'loading'} error={staff.error} onRetry={() => void staff.reload()} />
      ) : (
        <WalkInForm
          matters={staff.matters}
          onSubmit={(form) => staffCases.registerWalkIn(form)}
          onRegistered={() => void Taro.redirectTo({ url: caseRoutes.staffReceipt })}
        />
      )}
    </PageShell>
  )
})

export default WalkInPage
