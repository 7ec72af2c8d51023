import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { StoreProvider } from '../../../stores/context'
import { apiError, testStore } from '../../../testing/fakeApi'
import { caseProgress } from '../../../testing/fixtures'
import { LookupForm } from '.'

function setup() {
  const { store, api } = testStore()
  const view = render(
    <StoreProvider store={store}>
      <LookupForm />
    </StoreProvider>,
  )
  const type = (name: string, value: string) =>
    fireEvent.input(view.container.querySelector(`taro-input-core[name="${name}"]`) as HTMLElement, { target: { value } })
  const submit = () => act(async () => void fireEvent.click(screen.getByText('查询').closest('.nut-button')!))
  return { api, store, type, submit }
}

afterEach(() => jest.restoreAllMocks())

it('asks for both values before any request', async () => {
  const { api, submit } = setup()
  await submit()
  expect(screen.getByText('请输入办件编号')).toBeTruthy()
  expect(screen.getByText('请输入查询密码')).toBeTruthy()
  expect(api.cases.lookup).not.toHaveBeenCalled()
})

it("shows the server's sentence when the number or password is wrong", async () => {
  const { api, type, submit } = setup()
  api.cases.lookup.mockRejectedValue(apiError(404, '办件编号或查询密码不正确'))
  type('number', 'YM20261122000001')
  type('password', '000000')
  await submit()
  expect(api.cases.lookup).toHaveBeenCalledWith({ number: 'YM20261122000001', password: '000000' })
  expect(screen.getByText('办件编号或查询密码不正确')).toBeTruthy()
})

it('opens the result page when the case is found', async () => {
  const { api, store, type, submit } = setup()
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  api.cases.lookup.mockResolvedValue(caseProgress())
  type('number', 'YM20261122000001')
  type('password', '482193')
  await submit()
  expect(store.cases.progress?.number).toBeTruthy()
  expect(navigate).toHaveBeenCalledWith({ url: '/packages/cases/pages/lookup/index' })
})
