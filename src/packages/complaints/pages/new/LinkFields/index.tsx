import { Picker, Text } from '@tarojs/components'
import type { CaseSummary } from '../../../../../../types/cases'
import type { Department } from '../../../../../../types/catalog'
import { FormField } from '../../../../../components/FormField'
import './index.scss'

interface LinkFieldsProps {
  /** My cases (newest first), and the linked one when it is not among them. */
  cases: Array<Pick<CaseSummary, 'id' | 'number'> & { matterName: string }>
  caseId: string | null
  departments: Department[]
  departmentId: string | null
  errors: { case?: string; department?: string }
  onCase: (caseId: string | null) => void
  onDepartment: (departmentId: string | null) => void
}

/**
 * 关联办件 (optional; then the case's department handles it) and, when no
 * case is linked, 涉及部门 (optional; else the platform assigns it). Both are
 * the host's own selector, like the 办事 tab's department filter.
 */
export function LinkFields({ cases, caseId, departments, departmentId, errors, onCase, onDepartment }: LinkFieldsProps) {
  const linked = cases.find((c) => c.id === caseId)
  const department = departments.find((d) => d.id === departmentId)
  return (
    <>
      <FormField label="关联办件" error={errors.case} hint="选填；关联后由该办件的承办部门处理">
        <Picker
          mode="selector"
          range={['不关联办件', ...cases.map((c) => `${c.number} ${c.matterName}`)]}
          value={Math.max(0, cases.findIndex((c) => c.id === caseId) + 1)}
          onChange={(event) => {
            const picked = Number(event.detail.value)
            onCase(picked === 0 ? null : (cases[picked - 1]?.id ?? null))
          }}
        >
          <Text className="complaint-links__value complaint-links__value--case">
            {linked ? `${linked.number} ${linked.matterName}` : caseId ? '已关联办件' : '不关联办件'} ▾
          </Text>
        </Picker>
      </FormField>
      {caseId ? null : (
        <FormField label="涉及部门" error={errors.department} hint="选填；不清楚可不选，由平台转交">
          <Picker
            mode="selector"
            range={['不指定部门', ...departments.map((d) => d.name)]}
            value={Math.max(0, departments.findIndex((d) => d.id === departmentId) + 1)}
            onChange={(event) => {
              const picked = Number(event.detail.value)
              onDepartment(picked === 0 ? null : (departments[picked - 1]?.id ?? null))
            }}
          >
            <Text className="complaint-links__value complaint-links__value--department">{department ? department.name : '不指定部门'} ▾</Text>
          </Picker>
        </FormField>
      )}
    </>
  )
}
