/**
 * Demo staff accounts: a window clerk and a lead per department, plus one
 * admin. DEMO_PASSWORD is a documented demo password for a seeded demo city,
 * never a production credential; the seeding code hashes it like any other.
 */
import type { SeedStaff } from './types'

export const DEMO_PASSWORD = 'Paoyici@2026'

const people: Array<{ departmentKey: string; window: string; lead: string }> = [
  { departmentKey: 'scjg', window: '王晓燕', lead: '陈建国' },
  { departmentKey: 'rsj', window: '李娜', lead: '赵志刚' },
  { departmentKey: 'bdc', window: '马文静', lead: '张永红' },
  { departmentKey: 'ga', window: '刘海涛', lead: '孙玉林' },
  { departmentKey: 'jt', window: '杨帆', lead: '周德明' },
  { departmentKey: 'mz', window: '何丽萍', lead: '郭建华' },
]

export const staff: SeedStaff[] = [
  ...people.flatMap(({ departmentKey, window, lead }): SeedStaff[] => [
    { username: `${departmentKey}.window`, displayName: window, role: 'window', departmentKey, password: DEMO_PASSWORD },
    { username: `${departmentKey}.lead`, displayName: lead, role: 'lead', departmentKey, password: DEMO_PASSWORD },
  ]),
  { username: 'admin', displayName: '系统管理员', role: 'admin', departmentKey: null, password: DEMO_PASSWORD },
]
