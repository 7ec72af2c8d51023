import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { goBackOr, toast } from '../../../../navigation'
import { routes } from '../../../../routes'
import { useStaffWorkbench } from '../../useStaffCases'
import { useStaffGuard } from '../../useStaffGuard'
import { GuideEditForm } from './GuideEditForm'

/** Edit the parts of a guide staff maintain. The server checks the department. */
const StaffMatterPage = observer(function StaffMatterPage() {
  const { catalog, session } = useStores()
  const staff = useStaffWorkbench()
  const allowed = useStaffGuard()
  const id = useRouter().params.id ?? ''

  useEffect(() => {
    // Always fresh: someone else may have edited it.
    if (allowed && id) void catalog.loadMatter(id, true)
  }, [allowed, id, catalog])

  const matter = catalog.matter(id)
  const { status, error } = catalog.detailStatus(id)
  if (!allowed || !matter || status === 'loading') {
    return (
      <PageShell name="staff-matter">
        <LoadState
          status={status === 'error' ? 'error' : 'loading'}
          error={error}
          onRetry={() => void catalog.loadMatter(id, true)}
        />
      </PageShell>
    )
  }

  if (!session.canEditGuides) {
    return (
      <PageShell name="staff-matter">
        <View className="card">
          <Text>修改办事指南需部门负责人或管理员账号。</Text>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell name="staff-matter">
      <View className="card">
        <Text className="card__title">{matter.name}</Text>
        <Text className="muted">{matter.department.name} · 修改后立即对群众可见</Text>
      </View>
      <GuideEditForm
        key={matter.updatedAt}
        matter={matter}
        onSave={(patch) => staff.saveGuide(matter.id, patch)}
        onSaved={() => {
          toast('已保存')
          goBackOr(routes.staffHome)
        }}
      />
    </PageShell>
  )
})

export default StaffMatterPage
