/**
 * Test helpers: a fake of the `Api` object the stores receive, every method a
 * jest.fn that fails loudly unless the test says what it returns.
 */
import type { Api } from '../api'
import type { StaffCasesApi } from '../api/staffCases'
import { ApiError } from '../api/ApiError'
import { RootStore } from '../stores/RootStore'
import { memoryStorage, type KeyValueStorage } from '../stores/storage'

type Fake<T> = { [G in keyof T]: { [M in keyof T[G]]: T[G][M] & jest.Mock } }
export type FakeApi = Fake<Api>

function unexpected(name: string) {
  return jest.fn(() => Promise.reject(new Error(`unexpected call: api.${name}`)))
}

export function fakeApi(): FakeApi {
  const groups: Record<string, string[]> = {
    catalog: ['get'],
    matters: ['list', 'get'],
    halls: ['list', 'get'],
    auth: ['requestSmsCode', 'signInWithSms', 'signInWithWechat', 'bindWechatPhone', 'signInStaff', 'signOut'],
    me: ['get', 'declareRealName'],
    staff: ['me', 'listMatters', 'patchMatter'],
    cases: ['list', 'get', 'withdraw', 'lookup'],
    notifications: ['list', 'markRead', 'markAllRead'],
  }
  const api: Record<string, Record<string, jest.Mock>> = {}
  for (const [group, methods] of Object.entries(groups)) {
    api[group] = {}
    for (const method of methods) api[group][method] = unexpected(`${group}.${method}`)
  }
  return api as unknown as FakeApi
}

/** The staff case calls (not on `Api`: see api/staffCases.ts), each a jest.fn like fakeApi's. */
export function fakeStaffCasesApi(): Fake<{ g: StaffCasesApi }>['g'] {
  const methods = ['list', 'get', 'registerWalkIn', 'act', 'setDelivery', 'supervision'] as const
  return Object.fromEntries(methods.map((m) => [m, unexpected(`staffCases.${m}`)])) as unknown as Fake<{ g: StaffCasesApi }>['g']
}

export function testStore(options: { api?: FakeApi; storage?: KeyValueStorage; now?: () => Date } = {}) {
  const api = options.api ?? fakeApi()
  const storage = options.storage ?? memoryStorage()
  const store = new RootStore({ api: api as unknown as Api, storage, now: options.now })
  return { api, storage, store }
}

export function apiError(status: number, message: string, field?: string): ApiError {
  return new ApiError(status, message, status === 401 ? 'Unauthorized' : 'Bad Request', field)
}

/** A promise the test settles by hand, to interleave responses. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
