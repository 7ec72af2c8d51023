import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LIGHTS, type Light } from '../../../../../types/enums'
import { CaseRow } from '../../../../components/CaseRow'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { caseRoutes } from '../../../../routes'
import { useStaffCases } from '../../useStaffCases'
import { useStaffGuard } from '../../useStaffGuard'
import './index.scss'

const LIGHT_KEYS = Object.keys(LIGHTS) as Light[]

/** 督办 (department lead / admin): unfinished cases counted by light, and every overdue case. */
const SupervisionPage = observer(function SupervisionPage() {
  const staffCases = useStaffCases()
  const allowed = useStaffGuard()

  useEffect(() => {
    if (allowed) void staffCases.loadSupervision()
  }, [allowed, staffCases])
  usePullDownRefresh(() => {
    void staffCases.loadSupervision().finally(() => Taro.stopPullDownRefresh())
  })

  const data = staffCases.supervision
  if (!allowed || !data) {
    return (
      <PageShell name="supervision">
        <LoadState
          status={staffCases.supervisionStatus === 'error' ? 'error' : 'loading'}
          error={staffCases.supervisionError}
          onRetry={() => void staffCases.loadSupervision()}
        />
      </PageShell>
    )
  }
  const open = (id: string) => void Taro.navigateTo({ url: caseRoutes.staffCase(id) })
  return (
    <PageShell name="supervision">
      <View className="supervision__counts">
        {LIGHT_KEYS.map((light) => (
          <View key={light} className={`supervision__count supervision__count--${light}`}>
            <Text className="supervision__number">{data.counts[light]}</Text>
            <Text className="supervision__label">{LIGHTS[light]}</Text>
          </View>
        ))}
        <View className="supervision__count supervision__count--paused">
          <Text className="supervision__number">{data.counts.paused}</Text>
          <Text className="supervision__label">计时暂停</Text>
        </View>
      </View>
      <Text className="supervision__title">超期办件（{data.overdue.length}）</Text>
      {data.overdue.length === 0 ? (
        <View className="card">
          <Text className="muted">没有超期办件。</Text>
        </View>
      ) : (
        data.overdue.map((item) => <CaseRow key={item.id} item={item} showApplicant onOpen={open} />)
      )}
    </PageShell>
  )
})

export default SupervisionPage
