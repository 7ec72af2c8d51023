import { act, fireEvent, render, screen } from '@testing-library/react'
import { MOBILE_MESSAGE } from '../../../../../../types/validators'
import { StoreProvider } from '../../../../../stores/context'
import { apiError, testStore } from '../../../../../testing/fakeApi'
import { SmsLoginForm } from '.'

function setup() {
  const { store, api } = testStore()
  const onSignedIn = jest.fn()
  const view = render(
    <StoreProvider store={store}>
      <SmsLoginForm onSignedIn={onSignedIn} />
    </StoreProvider>,
  )
  // Taro's <Input> is the custom element taro-input-core; jsdom does not upgrade it,
  // but NutUI reads `event.target.value` on the web, so an input event with a value works.
  const input = (name: string) => view.container.querySelector(`taro-input-core[name="${name}"]`) as HTMLElement
  const type = (name: string, value: string) => fireEvent.input(input(name), { target: { value } })
  const click = (text: string) => fireEvent.click(screen.getByText(text).closest('.nut-button') ?? screen.getByText(text))
  return { api, store, onSignedIn, type, click }
}

it('shows the phone rule beside the field and sends nothing for a bad number', async () => {
  const { api, type, click } = setup()
  type('phone', '1234567')
  await act(async () => click('获取验证码'))
  expect(screen.getByText(MOBILE_MESSAGE)).toBeTruthy()
  expect(api.auth.requestSmsCode).not.toHaveBeenCalled()
})

it('checks phone and code before signing in', async () => {
  const { api, type, click } = setup()
  type('phone', '13812345678')
  type('code', '12')
  await act(async () => click('登录'))
  expect(screen.getByText('请输入6位数字验证码')).toBeTruthy()
  expect(screen.queryByText(MOBILE_MESSAGE)).toBeNull()
  expect(api.auth.signInWithSms).not.toHaveBeenCalled()
})

it('asks for a code and counts down from the server resend delay', async () => {
  const { api, type, click } = setup()
  api.auth.requestSmsCode.mockResolvedValue({ expiresInSeconds: 300, resendAfterSeconds: 60 })
  type('phone', '13812345678')
  await act(async () => click('获取验证码'))
  expect(api.auth.requestSmsCode).toHaveBeenCalledWith({ phone: '13812345678' })
  expect(screen.getByText(/60秒后重发/)).toBeTruthy()
  expect(screen.getByText('验证码已发送，5分钟内有效')).toBeTruthy()
})

it('lets the citizen ask again once the resend delay has passed', async () => {
  jest.useFakeTimers()
  try {
    const { api, type, click } = setup()
    api.auth.requestSmsCode.mockResolvedValue({ expiresInSeconds: 300, resendAfterSeconds: 3 })
    type('phone', '13812345678')
    await act(async () => click('获取验证码'))
    expect(screen.getByText('3秒后重发')).toBeTruthy()
    act(() => void jest.advanceTimersByTime(1000))
    expect(screen.getByText('2秒后重发')).toBeTruthy()
    act(() => void jest.advanceTimersByTime(2000))
    expect(screen.getByText('获取验证码')).toBeTruthy()
  } finally {
    jest.useRealTimers()
  }
})

it('shows the server sentence beside the code field (wrong code, expired, too many attempts)', async () => {
  const { api, type, click, onSignedIn } = setup()
  api.auth.signInWithSms.mockRejectedValue(apiError(400, '验证码错误，还可尝试2次', 'code'))
  type('phone', '13812345678')
  type('code', '654321')
  await act(async () => click('登录'))
  expect(api.auth.signInWithSms).toHaveBeenCalledWith({ phone: '13812345678', code: '654321' })
  expect(screen.getByText('验证码错误，还可尝试2次')).toBeTruthy()
  expect(onSignedIn).not.toHaveBeenCalled()
})

it('reports success to the page', async () => {
  const { api, type, click, onSignedIn, store } = setup()
  api.auth.signInWithSms.mockResolvedValue({
    token: 't',
    expiresAt: '2099-01-01T00:00:00.000Z',
    profile: { id: 'c', phoneMasked: '138****5678', wechatLinked: false, realName: null, identityLevel: 'none' } as never,
  })
  type('phone', '13812345678')
  type('code', '123456')
  await act(async () => click('登录'))
  expect(onSignedIn).toHaveBeenCalledTimes(1)
  expect(store.session.isCitizen).toBe(true)
})
