import { View, Text, Picker } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { useStaffBooking } from '../../useStaffBooking'
import { useStaffGuard } from '../../useStaffGuard'
import { ClosureForm } from './ClosureForm'
import { TemplateForm } from './TemplateForm'
import { TemplateList } from './TemplateList'

/** 预约时段设置 (leads for their department's services, admins for all): weekly slots per hall and service, and closures. */
const SlotsPage = observer(function SlotsPage() {
  const { session } = useStores()
  const desk = useStaffBooking()
  const allowed = useStaffGuard()
  const staff = session.staff ?? null
  const hallId = desk.hallId

  useEffect(() => {
    if (allowed) void desk.loadHalls(staff)
  }, [allowed, desk, staff])
  useEffect(() => {
    if (allowed && hallId) void desk.loadSettings()
  }, [allowed, desk, hallId])

  if (!allowed || desk.hallsStatus !== 'ready') {
    return (
      <PageShell name="slots">
        <LoadState status={desk.hallsStatus === 'error' ? 'error' : 'loading'} error={desk.hallsError} onRetry={() => void desk.loadHalls(staff)} />
      </PageShell>
    )
  }

  return (
    <PageShell name="slots">
      <View className="card">
        <Picker mode="selector" range={desk.halls.map((h) => h.name)} value={Math.max(0, desk.halls.findIndex((h) => h.id === hallId))} onChange={(e) => desk.selectHall(desk.halls[Number(e.detail.value)]?.id ?? '')}>
          <Text className="card__title">{desk.hall?.name ?? '选择大厅'} ▾</Text>
        </Picker>
        {desk.templatesStatus === 'ready' ? (
          <TemplateList templates={desk.templates} lastChange={desk.lastChange} onUpdate={(id, patch) => desk.updateTemplate(id, patch)} />
        ) : (
          <LoadState status={desk.templatesStatus === 'error' ? 'error' : 'loading'} error={desk.templatesError} onRetry={() => void desk.loadSettings()} />
        )}
      </View>
      <TemplateForm matters={desk.matters} onCreate={(form) => desk.createTemplates(form)} />
      <ClosureForm key={hallId ?? ''} today={desk.today} canClose={staff?.role === 'admin'} closures={desk.closures} lastClosure={desk.lastClosure} onCreate={(form) => desk.createClosure(form)} />
    </PageShell>
  )
})

export default SlotsPage
