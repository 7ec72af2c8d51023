import { apiError, testStore } from '../testing/fakeApi'
import { citizenProfile, FUTURE, staffProfile } from '../testing/fixtures'
import { SESSION_STORAGE_KEY } from './SessionStore'
import { memoryStorage } from './storage'

const stored = (kind: 'citizen' | 'staff', expiresAt = FUTURE) =>
  memoryStorage({ [SESSION_STORAGE_KEY]: JSON.stringify({ kind, token: 'tok-1', expiresAt }) })

describe('SessionStore.restore', () => {
  it('is signed out, without asking the server, when nothing is stored', async () => {
    const { store, api } = testStore()
    await store.session.restore()
    expect(store.session.restored).toBe(true)
    expect(store.session.isSignedIn).toBe(false)
    expect(api.me.get).not.toHaveBeenCalled()
  })

  it('validates a stored citizen token with GET /api/me and keeps the profile', async () => {
    const { store, api } = testStore({ storage: stored('citizen') })
    const profile = citizenProfile()
    api.me.get.mockResolvedValue(profile)
    await store.session.restore()
    expect(api.me.get).toHaveBeenCalledTimes(1)
    expect(store.session.isCitizen).toBe(true)
    expect(store.session.token).toBe('tok-1')
    expect(store.session.citizen).toEqual(profile)
  })

  it('validates a stored staff token with GET /api/staff/me', async () => {
    const { store, api } = testStore({ storage: stored('staff') })
    api.staff.me.mockResolvedValue(staffProfile())
    await store.session.restore()
    expect(api.me.get).not.toHaveBeenCalled()
    expect(store.session.isStaff).toBe(true)
    expect(store.session.staff?.displayName).toBe('张伟')
  })

  it('forgets the session when the server answers 401', async () => {
    const { store, api, storage } = testStore({ storage: stored('citizen') })
    api.me.get.mockRejectedValue(apiError(401, '登录已失效，请重新登录'))
    await store.session.restore()
    expect(store.session.isSignedIn).toBe(false)
    expect(store.session.restored).toBe(true)
    expect(storage.get(SESSION_STORAGE_KEY)).toBeNull()
  })

  it('keeps the token when the server cannot be reached, and says so', async () => {
    const { store, api, storage } = testStore({ storage: stored('citizen') })
    api.me.get.mockRejectedValue(apiError(0, '网络连接失败，请检查网络后重试'))
    await store.session.restore()
    expect(store.session.token).toBe('tok-1')
    expect(store.session.citizen).toBeNull()
    expect(store.session.restoreProblem).toBe('网络连接失败，请检查网络后重试')
    expect(storage.get(SESSION_STORAGE_KEY)).not.toBeNull()
  })

  it('drops an expired session without a request', async () => {
    const { store, api, storage } = testStore({ storage: stored('citizen', '2020-01-01T00:00:00.000Z') })
    await store.session.restore()
    expect(api.me.get).not.toHaveBeenCalled()
    expect(store.session.isSignedIn).toBe(false)
    expect(storage.get(SESSION_STORAGE_KEY)).toBeNull()
  })

  it('treats a corrupt stored entry as signed out', async () => {
    const { store, api } = testStore({ storage: memoryStorage({ [SESSION_STORAGE_KEY]: '{not json' }) })
    await store.session.restore()
    expect(api.me.get).not.toHaveBeenCalled()
    expect(store.session.isSignedIn).toBe(false)
  })
})

describe('signing in and out', () => {
  it('persists an SMS sign-in so the next launch restores it', async () => {
    const { store, api, storage } = testStore()
    api.auth.signInWithSms.mockResolvedValue({ token: 'tok-sms', expiresAt: FUTURE, profile: citizenProfile() })
    await store.session.signInWithSms(' 13812345678 ', '123456')
    expect(api.auth.signInWithSms).toHaveBeenCalledWith({ phone: '13812345678', code: '123456' })
    expect(store.session.isCitizen).toBe(true)

    const next = testStore({ storage })
    next.api.me.get.mockResolvedValue(citizenProfile())
    await next.store.session.restore()
    expect(next.store.session.token).toBe('tok-sms')
  })

  it('a staff sign-in replaces a citizen session', async () => {
    const { store, api } = testStore()
    api.auth.signInWithSms.mockResolvedValue({ token: 'tok-c', expiresAt: FUTURE, profile: citizenProfile() })
    api.auth.signInStaff.mockResolvedValue({ token: 'tok-s', expiresAt: FUTURE, staff: staffProfile() })
    await store.session.signInWithSms('13812345678', '123456')
    await store.session.signInStaff('zhangwei', 'secret')
    expect(store.session.isStaff).toBe(true)
    expect(store.session.isCitizen).toBe(false)
    expect(store.session.citizen).toBeNull()
  })

  it('passes server refusals through unchanged and stays signed out', async () => {
    const { store, api } = testStore()
    api.auth.signInWithSms.mockRejectedValue(apiError(400, '验证码错误，还可尝试4次', 'code'))
    await expect(store.session.signInWithSms('13812345678', '000000')).rejects.toMatchObject({
      message: '验证码错误，还可尝试4次',
      field: 'code',
    })
    expect(store.session.isSignedIn).toBe(false)
  })

  it('signs out locally even when the server call fails', async () => {
    const { store, api, storage } = testStore()
    api.auth.signInWithSms.mockResolvedValue({ token: 'tok', expiresAt: FUTURE, profile: citizenProfile() })
    api.auth.signOut.mockRejectedValue(apiError(0, '网络连接失败，请检查网络后重试'))
    await store.session.signInWithSms('13812345678', '123456')
    await store.session.signOut()
    expect(api.auth.signOut).toHaveBeenCalledTimes(1)
    expect(store.session.isSignedIn).toBe(false)
    expect(storage.get(SESSION_STORAGE_KEY)).toBeNull()
    expect(store.session.signedOutByUser).toBe(true)
    await store.session.signInWithSms('13812345678', '123456')
    expect(store.session.signedOutByUser).toBe(false)
  })

  it('expire() — what the HTTP client calls on a 401 — ends the session', async () => {
    const { store, api } = testStore()
    api.auth.signInStaff.mockResolvedValue({ token: 'tok-s', expiresAt: FUTURE, staff: staffProfile() })
    await store.session.signInStaff('zhangwei', 'secret')
    store.session.expire()
    expect(store.session.isSignedIn).toBe(false)
    expect(store.session.staff).toBeNull()
    expect(store.session.signedOutByUser).toBe(false)
  })

  it('a declared real name replaces the profile with the server answer', async () => {
    const { store, api } = testStore()
    api.auth.signInWithSms.mockResolvedValue({ token: 'tok', expiresAt: FUTURE, profile: citizenProfile() })
    const declared = citizenProfile({
      identityLevel: 'declared',
      realName: { nameMasked: '张*', idNumberMasked: '1101**********002X', level: 'declared' },
    })
    api.me.declareRealName.mockResolvedValue(declared)
    await store.session.signInWithSms('13812345678', '123456')
    await store.session.declareRealName(' 张三 ', '11010519491231002x')
    expect(api.me.declareRealName).toHaveBeenCalledWith({ name: '张三', idNumber: '11010519491231002X' })
    expect(store.session.citizen).toEqual(declared)
  })
})

describe('canEditGuides', () => {
  it.each([true, false])('follows the server profile flag (%s)', async (allowed) => {
    const { store, api } = testStore()
    api.auth.signInStaff.mockResolvedValue({ token: 't', expiresAt: FUTURE, staff: staffProfile({ canEditGuides: allowed }) })
    await store.session.signInStaff('u', 'p')
    expect(store.session.canEditGuides).toBe(allowed)
  })

  it('is false for a citizen', async () => {
    const { store, api } = testStore()
    api.auth.signInWithSms.mockResolvedValue({ token: 't', expiresAt: FUTURE, profile: citizenProfile() })
    await store.session.signInWithSms('13812345678', '123456')
    expect(store.session.canEditGuides).toBe(false)
  })
})
