import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { apiError } from '../../../../../testing/fakeApi'
import { ActionPanel } from '.'

const click = (label: string) => act(async () => void fireEvent.click(screen.getByText(label).closest('.nut-button')!))

beforeEach(() => {
  jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
})
afterEach(() => jest.restoreAllMocks())

it('offers exactly the actions the server allows', () => {
  render(<ActionPanel actions={['accept', 'notAccept']} onAct={jest.fn()} />)
  expect(screen.getByText('受理')).toBeTruthy()
  expect(screen.getByText('不受理')).toBeTruthy()
  expect(screen.queryByText('开始办理')).toBeNull()
})

it('asks for a reason before refusing, without a request', async () => {
  const onAct = jest.fn()
  render(<ActionPanel actions={['accept', 'notAccept']} onAct={onAct} />)
  await click('不受理')
  expect(screen.getByText('请填写不受理的意见或理由')).toBeTruthy()
  expect(onAct).not.toHaveBeenCalled()
})

it("shows the server's comment refusal beside the field", async () => {
  const onAct = jest.fn().mockRejectedValue(apiError(400, '请说明受理意见', 'comment'))
  render(<ActionPanel actions={['accept']} onAct={onAct} />)
  await click('受理')
  expect(onAct).toHaveBeenCalledWith('accept', '')
  expect(screen.getByText('请说明受理意见')).toBeTruthy()
})
