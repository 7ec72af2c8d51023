import { qrRows } from '.'

it('draws a square matrix whose runs fill every row', () => {
  const { size, rows } = qrRows('PYC1:YM20261122000001:529036')
  expect(size).toBeGreaterThanOrEqual(21)
  expect(rows).toHaveLength(size)
  for (const runs of rows) expect(runs.reduce((n, run) => n + run.length, 0)).toBe(size)
  // The top-left finder pattern starts with 7 dark modules.
  expect(rows[0][0]).toEqual({ dark: true, length: 7 })
})
