import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { apiError } from '../../../../../testing/fakeApi'
import { SLOT_LEASE, staffPartDetail } from '../../../../../testing/staffPrereviews'
import { DecisionPanel } from '.'

const clickButton = (label: string) => act(async () => void fireEvent.click(screen.getByText(label).closest('.nut-button')!))
const choose = (label: string) => act(async () => void fireEvent.click(screen.getByText(label)))

beforeEach(() => {
  jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
})
afterEach(() => jest.restoreAllMocks())

const lease = staffPartDetail().materials[1]

it('offers exactly the decisions it is given', () => {
  render(<DecisionPanel decisions={['return', 'refuse']} toleranceCandidates={[]} onDecide={jest.fn()} />)
  expect(screen.getByText('退回补正')).toBeTruthy()
  expect(screen.getByText('不予受理')).toBeTruthy()
  expect(screen.queryByText('预审通过')).toBeNull()
  expect(screen.queryByText('容缺通过')).toBeNull()
})

it('asks for the legal reason before refusing, without a request', async () => {
  const onDecide = jest.fn()
  render(<DecisionPanel decisions={['refuse']} toleranceCandidates={[]} onDecide={onDecide} />)
  await choose('不予受理')
  await clickButton('确认不予受理')
  expect(screen.getByText('请填写不予受理的法律依据和理由')).toBeTruthy()
  expect(onDecide).not.toHaveBeenCalled()
})

it('sends 容缺 with the ticked materials and a promised date after today', async () => {
  const onDecide = jest.fn().mockResolvedValue(undefined)
  render(<DecisionPanel decisions={['tolerate', 'refuse']} toleranceCandidates={[lease]} onDecide={onDecide} />)
  await choose('容缺通过')
  expect(screen.getByText(/租赁合同/)).toBeTruthy()
  await clickButton('确认容缺通过')
  expect(onDecide).toHaveBeenCalledTimes(1)
  const [decision, input] = onDecide.mock.calls[0]
  expect(decision).toBe('tolerate')
  expect(input.tolerance.materialKeys).toEqual([SLOT_LEASE])
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  expect(input.tolerance.promisedOn > today).toBe(true)
})

it('refuses 容缺 with nothing ticked, without a request', async () => {
  const onDecide = jest.fn()
  render(<DecisionPanel decisions={['tolerate']} toleranceCandidates={[lease]} onDecide={onDecide} />)
  await choose('容缺通过')
  await choose('☑ 租赁合同')
  await clickButton('确认容缺通过')
  expect(screen.getByText('请选择容缺的材料')).toBeTruthy()
  expect(onDecide).not.toHaveBeenCalled()
})

it('shows the server’s refusal as it came', async () => {
  const onDecide = jest.fn().mockRejectedValue(apiError(409, '请先审核全部材料：“营业执照”尚未审核'))
  render(<DecisionPanel decisions={['pass']} toleranceCandidates={[]} onDecide={onDecide} />)
  await choose('预审通过')
  await clickButton('确认预审通过')
  expect(screen.getByText('请先审核全部材料：“营业执照”尚未审核')).toBeTruthy()
})
