import { create } from 'qrcode/lib/core/qrcode'
import { qrRows } from '.'

it('draws every module of the code, row by row', () => {
  const text = 'PYC-APPT:K7M2Q9XD'
  const { size, rows } = qrRows(text)
  const { data } = create(text, { errorCorrectionLevel: 'M' }).modules
  const drawn = rows.flatMap((runs) => runs.flatMap((run) => Array<number>(run.length).fill(run.dark ? 1 : 0)))
  expect(drawn).toHaveLength(size * size)
  expect(drawn).toEqual(Array.from(data))
})
