import { MOBILE_MESSAGE } from '../../../types/validators'

interface ValidationIssue {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
  message?: string
}

/** Field names as citizens read them; unknown fields are shown by their API name. */
const FIELD_LABELS: Record<string, string> = {
  phone: '手机号',
  code: '验证码',
  name: '姓名',
  idNumber: '身份证号',
  username: '用户名',
  password: '密码',
  q: '搜索词',
  page: '页码',
  pageSize: '每页条数',
  id: '编号',
  consultPhone: '咨询电话',
  supervisionPhone: '监督电话',
  faqs: '常见问题',
  question: '问题',
  answer: '答复',
}

/** Messages for a field whose pattern has one meaning everywhere. */
const PATTERN_MESSAGES: Record<string, string> = {
  phone: MOBILE_MESSAGE,
  code: '请输入6位数字验证码',
  name: '姓名应为2至30个汉字',
}

/** Turns the first schema-validation issue into a Chinese message and the field's path. */
export function validationMessage(
  issues: ValidationIssue[],
  context: string | undefined,
): { message: string; field: string | undefined } {
  const issue = issues[0]
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.')
  const missing = issue.keyword === 'required' ? String(issue.params.missingProperty) : undefined
  const extra = issue.keyword === 'additionalProperties' ? String(issue.params.additionalProperty) : undefined
  const field = missing ? (path ? `${path}.${missing}` : missing) : extra ?? (path || undefined)
  const leaf = (field ?? '').split('.').pop() ?? ''
  const label = FIELD_LABELS[leaf] ?? leaf

  if (issue.keyword === 'minProperties') return { message: '请至少修改一项内容', field }
  if (field === undefined) {
    return { message: context === 'body' ? '请求内容格式不正确' : '请求参数格式不正确', field }
  }
  const p = issue.params
  switch (issue.keyword) {
    case 'required':
      return { message: `请填写${label}`, field }
    case 'additionalProperties':
      return { message: `不支持的字段：${extra}`, field }
    case 'pattern':
    case 'format':
      return { message: PATTERN_MESSAGES[leaf] ?? `${label}格式不正确`, field }
    case 'minLength':
      return { message: Number(p.limit) <= 1 ? `请填写${label}` : `${label}至少需要${p.limit}个字符`, field }
    case 'maxLength':
      return { message: `${label}不能超过${p.limit}个字符`, field }
    case 'minimum':
      return { message: `${label}不能小于${p.limit}`, field }
    case 'maximum':
      return { message: `${label}不能大于${p.limit}`, field }
    case 'maxItems':
      return { message: `${label}最多${p.limit}项`, field }
    case 'type':
      return { message: `${label}的类型不正确`, field }
    default:
      return { message: `${label}的取值无效`, field }
  }
}
