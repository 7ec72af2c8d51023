import { act, fireEvent, render, screen } from '@testing-library/react'
import { RESIDENT_ID_MESSAGES } from '../../../../../../types/validators'
import { StoreProvider } from '../../../../../stores/context'
import { apiError, testStore } from '../../../../../testing/fakeApi'
import { citizenProfile } from '../../../../../testing/fixtures'
import { RealNameForm } from '.'

function setup() {
  const { store, api } = testStore()
  const onSubmitted = jest.fn()
  const view = render(
    <StoreProvider store={store}>
      <RealNameForm submitLabel="提交" onSubmitted={onSubmitted} />
    </StoreProvider>,
  )
  const type = (name: string, value: string) =>
    fireEvent.input(view.container.querySelector(`taro-input-core[name="${name}"]`) as HTMLElement, { target: { value } })
  const submit = () => act(async () => void fireEvent.click(screen.getByText('提交').closest('.nut-button')!))
  return { api, onSubmitted, type, submit }
}

it.each([
  ['11010519491231002', RESIDENT_ID_MESSAGES.format],
  ['110105194902301234', RESIDENT_ID_MESSAGES.birthDate],
  ['110105194912310021', RESIDENT_ID_MESSAGES.checksum],
])('explains what is wrong with %s before any request', async (idNumber, message) => {
  const { api, type, submit } = setup()
  type('name', '张三')
  type('idNumber', idNumber)
  await submit()
  expect(screen.getByText(message)).toBeTruthy()
  expect(api.me.declareRealName).not.toHaveBeenCalled()
})

it('asks for a Chinese name', async () => {
  const { api, type, submit } = setup()
  type('name', 'Zhang San')
  type('idNumber', '11010519491231002X')
  await submit()
  expect(screen.getByText('请输入身份证上的中文姓名（2–30个汉字）')).toBeTruthy()
  expect(api.me.declareRealName).not.toHaveBeenCalled()
})

it('declares a valid identity and reports back', async () => {
  const { api, type, submit, onSubmitted } = setup()
  api.me.declareRealName.mockResolvedValue(citizenProfile({ identityLevel: 'declared' }))
  type('name', '张三')
  type('idNumber', '11010519491231002x')
  await submit()
  expect(api.me.declareRealName).toHaveBeenCalledWith({ name: '张三', idNumber: '11010519491231002X' })
  expect(onSubmitted).toHaveBeenCalled()
})

it('shows a server refusal beside the field it names', async () => {
  const { api, type, submit, onSubmitted } = setup()
  api.me.declareRealName.mockRejectedValue(apiError(409, '该身份证号已被其他账号实名', 'idNumber'))
  type('name', '张三')
  type('idNumber', '11010519491231002X')
  await submit()
  expect(screen.getByText('该身份证号已被其他账号实名')).toBeTruthy()
  expect(onSubmitted).not.toHaveBeenCalled()
})
