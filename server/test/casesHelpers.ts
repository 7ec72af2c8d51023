/** Shared steps for the case tests: a matter of a department, a walk-in case, staff actions. */
import assert from 'node:assert/strict'
import type { CaseDetail, WalkInReceipt } from '../../types/cases'
import type { TestApp } from './testApp'

export const VALID_ID = '11010519491231002X'

/** A 承诺件 of the department (by key) whose promised limit is set to `days` for predictable deadlines. */
export async function matterOf(t: TestApp, departmentKey: string, days = 5): Promise<string> {
  const { rows } = await t.db.database.pool.query(
    `SELECT m.id FROM matters m JOIN departments d ON d.id = m.department_id
     WHERE d.key = $1 AND m.legal_limit_days >= $2 ORDER BY m.key LIMIT 1`,
    [departmentKey, days],
  )
  assert.ok(rows[0], `a matter of ${departmentKey} with legal limit ≥ ${days}`)
  await t.db.database.pool.query(`UPDATE matters SET promised_limit_days = $2 WHERE id = $1`, [rows[0].id, days])
  return rows[0].id
}

export interface WalkIn {
  applicantName?: string
  applicantIdNumber?: string
  applicantPhone?: string
  delivery?: { mode: 'hall' | 'mail' | 'electronic'; address?: string }
}

export async function registerCase(t: TestApp, staff: { authorization: string }, matterId: string, o: WalkIn = {}): Promise<WalkInReceipt> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/staff/cases',
    headers: staff,
    payload: {
      matterId,
      applicantName: o.applicantName ?? '张三丰',
      applicantIdNumber: o.applicantIdNumber ?? VALID_ID,
      applicantPhone: o.applicantPhone ?? '13900000000',
      delivery: o.delivery ?? { mode: 'hall' },
    },
  })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

export const act = (t: TestApp, staff: { authorization: string }, id: string, action: string, comment = '') =>
  t.app.inject({ method: 'POST', url: `/api/staff/cases/${id}/actions`, headers: staff, payload: { action, comment } })

export async function actOk(t: TestApp, staff: { authorization: string }, id: string, action: string, comment = ''): Promise<CaseDetail> {
  const res = await act(t, staff, id, action, comment)
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`)
  return res.json()
}
