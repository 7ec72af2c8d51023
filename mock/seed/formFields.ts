/**
 * The pre-review form of each service, beyond the applicant's real-name
 * identity (taken from the profile). A field with the same key in several
 * services of a 一件事 bundle is asked once, so shared fields share keys.
 */
import type { FormField } from '../../types/prereviews'

const businessAddress: FormField = { key: 'businessAddress', label: '经营场所', kind: 'text', required: true, maxLength: 100, placeholder: '如：玉门市新市区迎宾路88号' }

export const DEFAULT_FORM_FIELDS: FormField[] = [
  { key: 'purpose', label: '申请事由', kind: 'textarea', required: false, maxLength: 200, placeholder: '可简要说明需要办理的情况' },
]

export const formFields: Record<string, FormField[]> = {
  'individual-business-registration': [
    { key: 'businessName', label: '个体工商户名称', kind: 'text', required: true, maxLength: 30, placeholder: '如：玉门市老王家常菜馆' },
    businessAddress,
    { key: 'businessScope', label: '经营范围', kind: 'textarea', required: true, maxLength: 300 },
    { key: 'capital', label: '资金数额（万元）', kind: 'number', required: true },
    { key: 'employees', label: '从业人数', kind: 'number', required: true },
  ],
  'food-business-licence': [
    businessAddress,
    { key: 'foodCategory', label: '经营项目', kind: 'select', required: true, options: ['热食类食品制售', '冷食类食品制售', '糕点类食品制售', '预包装食品销售'] },
    { key: 'premisesArea', label: '经营场所面积（平方米）', kind: 'number', required: true },
  ],
  'flexible-worker-insurance': [
    { key: 'contributionLevel', label: '缴费档次', kind: 'select', required: true, options: ['60%', '100%', '150%', '200%', '300%'] },
  ],
  'employment-card': [{ key: 'employmentStatus', label: '就业状态', kind: 'select', required: true, options: ['就业', '失业', '灵活就业'] }],
  'birth-registration': [
    { key: 'babyName', label: '新生儿姓名', kind: 'text', required: true, maxLength: 20 },
    { key: 'babyGender', label: '新生儿性别', kind: 'select', required: true, options: ['男', '女'] },
    { key: 'babyBirthDate', label: '出生日期', kind: 'date', required: true },
    { key: 'birthHospital', label: '出生医院', kind: 'text', required: true, maxLength: 50 },
  ],
  'social-security-card': [
    { key: 'cardBank', label: '金融账户开户银行', kind: 'select', required: true, options: ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '甘肃银行'] },
  ],
}
