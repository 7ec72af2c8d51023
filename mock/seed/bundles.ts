/**
 * 一件事 bundles (一件事一次办) of the demo city: one form and one set of
 * materials for several services. `omit` drops a member's material that
 * another member produces (the licence applied for in the same bundle).
 */
import type { SeedBundle } from './types'

export const bundles: SeedBundle[] = [
  {
    key: 'open-restaurant',
    name: '开办餐饮店一件事',
    description: '个体工商户登记、食品经营许可和经营者社保参保一次申请，各部门并联审核，全部通过后分别生成办件。',
    audience: 'company',
    members: [
      { matterKey: 'individual-business-registration', omit: [] },
      { matterKey: 'food-business-licence', omit: ['营业执照'] },
      { matterKey: 'flexible-worker-insurance', omit: [] },
    ],
  },
  {
    key: 'newborn',
    name: '新生儿出生一件事',
    description: '出生登记（落户）和社会保障卡申领一次申请，公安、人社部门并联审核。',
    audience: 'person',
    members: [
      { matterKey: 'birth-registration', omit: [] },
      { matterKey: 'social-security-card', omit: [] },
    ],
  },
  {
    key: 'flexible-employment',
    name: '灵活就业一件事',
    description: '就业创业证申领和灵活就业人员参保登记一次申请，身份证明只需提交一次。',
    audience: 'person',
    members: [
      { matterKey: 'employment-card', omit: [] },
      { matterKey: 'flexible-worker-insurance', omit: [] },
    ],
  },
]
