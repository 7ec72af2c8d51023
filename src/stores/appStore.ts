/**
 * The app's single RootStore, wired to the real API and Taro storage, and the
 * HTTP client wired to its session. Imported by app.ts only; tests build their
 * own RootStore with a fake API.
 */
import { api, configureHttp } from '../api'
import { prefersLargeText } from '../platform/fontScale'
import { RootStore } from './RootStore'
import { taroStorage } from './storage'

export const appStore = new RootStore({ api, storage: taroStorage, prefersLargeText })

configureHttp({
  getToken: () => appStore.session.token,
  onUnauthorized: () => appStore.session.expire(),
})
