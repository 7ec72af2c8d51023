import Taro from '@tarojs/taro'
import { ApiError, NETWORK_MESSAGE, OFFLINE_WRITE_MESSAGE, TIMEOUT_MESSAGE } from './ApiError'
import { configureHttp, http } from './http'
import { listMatters } from './matters'
import { signInWithSms, signOut } from './auth'

type RequestOption = Taro.request.Option
type Answer = { statusCode: number; data: unknown } | { fail: string }

let calls: RequestOption[] = []
const onUnauthorized = jest.fn()
let token: string | null = null

function answer(result: Answer) {
  jest.spyOn(Taro, 'request').mockImplementation(((options: RequestOption) => {
    calls.push(options)
    if ('fail' in result) options.fail?.({ errMsg: result.fail } as never)
    else options.success?.({ ...result, header: {}, cookies: [], errMsg: 'request:ok' } as never)
    return Promise.resolve() as never
  }) as never)
}

beforeEach(() => {
  calls = []
  token = null
  onUnauthorized.mockReset()
  configureHttp({ getToken: () => token, onUnauthorized })
})

afterEach(() => jest.restoreAllMocks())

it('sends through Taro.request with the query string built and the body returned', async () => {
  answer({ statusCode: 200, data: { items: [], page: 2, pageSize: 20, total: 0 } })
  const result = await listMatters({ q: '社保', audience: undefined, page: 2 })
  expect(result.page).toBe(2)
  expect(calls[0].method).toBe('GET')
  expect(calls[0].url).toBe('/api/matters?q=%E7%A4%BE%E4%BF%9D&page=2')
})

it('attaches the session token, but not to sign-in calls', async () => {
  token = 'tok-1'
  answer({ statusCode: 200, data: {} })
  await http.get('/api/me')
  expect(calls[0].header).toMatchObject({ Authorization: 'Bearer tok-1' })
  await signInWithSms({ phone: '13812345678', code: '123456' })
  expect(calls[1].header?.Authorization).toBeUndefined()
  expect(JSON.parse(String(calls[1].data))).toEqual({ phone: '13812345678', code: '123456' })
})

it('turns an error body into an ApiError carrying the server sentence and field', async () => {
  answer({ statusCode: 400, data: { statusCode: 400, error: 'Bad Request', message: '验证码已过期，请重新获取', field: 'code' } })
  const error = await signInWithSms({ phone: '13812345678', code: '123456' }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  expect(error).toMatchObject({ status: 400, message: '验证码已过期，请重新获取', field: 'code', code: 'Bad Request' })
})

it('gives a Chinese message when the error body is not ours (e.g. a proxy page)', async () => {
  answer({ statusCode: 502, data: '<html>Bad Gateway</html>' })
  await expect(http.get('/api/catalog')).rejects.toMatchObject({ status: 502, message: '服务暂时不可用，请稍后重试' })
})

it('ends the session on a 401 to a request that carried the token', async () => {
  token = 'tok-1'
  answer({ statusCode: 401, data: { statusCode: 401, error: 'Unauthorized', message: '登录已失效，请重新登录' } })
  await expect(http.get('/api/me')).rejects.toMatchObject({ status: 401 })
  expect(onUnauthorized).toHaveBeenCalledTimes(1)
})

it('does not end the session when a tokenless call gets 401 (wrong staff password)', async () => {
  token = 'tok-1'
  answer({ statusCode: 401, data: { statusCode: 401, error: 'Unauthorized', message: '账号或密码错误' } })
  await expect(http.post('/api/auth/staff', {}, { skipAuth: true })).rejects.toMatchObject({ message: '账号或密码错误' })
  expect(onUnauthorized).not.toHaveBeenCalled()
})

it('reports a network failure and a timeout in Chinese', async () => {
  answer({ fail: 'request:fail net::ERR_CONNECTION_REFUSED' })
  await expect(http.get('/api/catalog')).rejects.toMatchObject({ status: 0, message: NETWORK_MESSAGE })
  answer({ fail: 'request:fail timeout' })
  await expect(http.get('/api/catalog')).rejects.toMatchObject({ status: 0, message: TIMEOUT_MESSAGE })
})

it('signs out with an empty JSON object, not an empty JSON body', async () => {
  token = 'tok-1'
  answer({ statusCode: 204, data: '' })
  await signOut()
  expect(calls[0].method).toBe('DELETE')
  expect(calls[0].data).toBe('{}')
})

describe('offline', () => {
  const setOnLine = (value: boolean) => Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => value })
  afterEach(() => setOnLine(true))

  it('does not send a write while offline, and says nothing was sent', async () => {
    setOnLine(false)
    answer({ statusCode: 200, data: {} })
    const error = await signInWithSms({ phone: '13812345678', code: '123456' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 0, code: 'offline', message: OFFLINE_WRITE_MESSAGE })
    expect(calls).toHaveLength(0)
  })

  it('still sends reads while offline (the service worker may answer them)', async () => {
    setOnLine(false)
    answer({ statusCode: 200, data: { departments: [] } })
    await http.get('/api/catalog')
    expect(calls).toHaveLength(1)
  })
})
