import { ApiError, NETWORK_MESSAGE, TIMEOUT_MESSAGE } from '../../../api/ApiError'
import { isRetryable, transferFailure, transferOutcome } from './transferResult'

describe('transferOutcome', () => {
  it('resolves the parsed JSON of a 2xx answer (uploadFile gives a string)', () => {
    expect(transferOutcome(201, '{"id":"f1","bytes":10}')).toEqual({ id: 'f1', bytes: 10 })
    expect(transferOutcome(200, { id: 'f2' })).toEqual({ id: 'f2' })
    expect(transferOutcome(204, '')).toBeNull()
  })

  it("throws the server's own Chinese message with its status and field", () => {
    const body = JSON.stringify({ statusCode: 413, error: 'Payload Too Large', message: '文件超过 10 MB，请压缩后重新上传', field: 'file' })
    let thrown: unknown
    try {
      transferOutcome(413, body)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ApiError)
    expect(thrown).toMatchObject({ status: 413, message: '文件超过 10 MB，请压缩后重新上传', field: 'file' })
  })

  it('falls back to a Chinese sentence when the body is not ours', () => {
    expect(() => transferOutcome(502, '<html>Bad Gateway</html>')).toThrow('服务暂时不可用，请稍后重试')
  })
})

describe('transferFailure', () => {
  it('tells a timeout from a lost connection', () => {
    expect(transferFailure('uploadFile:fail timeout')).toMatchObject({ status: 0, message: TIMEOUT_MESSAGE })
    expect(transferFailure('uploadFile:fail net::ERR_INTERNET_DISCONNECTED')).toMatchObject({ status: 0, message: NETWORK_MESSAGE })
  })
})

describe('isRetryable', () => {
  it('retries no answer, timeouts and server faults', () => {
    for (const status of [0, 408, 500, 502, 503]) expect(isRetryable(new ApiError(status, 'x', 'y'))).toBe(true)
    expect(isRetryable(new Error('socket hang up'))).toBe(true)
  })

  it('never retries a refusal of the file itself, nor an abuse limit (its message says when)', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415, 429]) expect(isRetryable(new ApiError(status, 'x', 'y'))).toBe(false)
  })
})
