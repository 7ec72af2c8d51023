/**
 * The contract's labels this journey shows, kept here: imported from
 * types/enums.ts they would stay in the main package, where that module lives
 * (src/README.md, budgets). labels.test.ts checks they equal the contract's.
 */
import type { MaterialVerdict, PartStatus, PrereviewEvent, PrereviewStatus } from '../../../types/enums'

export const PREREVIEW_STATUS_LABELS: Record<PrereviewStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '待补正',
  passed: '预审通过',
  refused: '不予受理',
  withdrawn: '已撤回',
}

export const PART_STATUS_LABELS: Record<PartStatus, string> = {
  waiting: '未提交',
  pending: '待审核',
  passed: '通过',
  tolerated: '容缺通过',
  returned: '退回补正',
  refused: '不予受理',
}

export const MATERIAL_VERDICT_LABELS: Record<MaterialVerdict, string> = {
  pass: '通过',
  return: '退回',
}

export const PREREVIEW_EVENT_LABELS: Record<PrereviewEvent, string> = {
  submitted: '提交预审',
  resubmitted: '补正后重新提交',
  claimed: '开始审核',
  released: '放弃审核',
  materialMarked: '审核材料',
  decided: '答复',
  caseCreated: '生成办件',
  withdrawn: '撤回',
}
