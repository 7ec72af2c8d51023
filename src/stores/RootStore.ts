import { reaction } from 'mobx'
import type { Api } from '../api'
import { CaseStore } from './CaseStore'
import { CatalogStore } from './CatalogStore'
import { NotificationStore } from './NotificationStore'
import { SessionStore } from './SessionStore'
import { ThemeStore } from '../theme/ThemeStore'
import type { KeyValueStorage } from './storage'

export interface RootStoreDeps {
  api: Api
  storage: KeyValueStorage
  now?: () => Date
  /** The host's large-text setting (platform/fontScale); elder mode's default when nothing is stored. */
  prefersLargeText?: () => boolean
}

/** A store only one subpackage uses; it forgets everything when the session changes. */
export interface FeatureStore {
  reset(): void
}

/** Builds one store per concept and hands each the API. Nothing else creates stores. */
export class RootStore {
  readonly session: SessionStore
  readonly catalog: CatalogStore
  readonly cases: CaseStore
  readonly notifications: NotificationStore
  readonly theme: ThemeStore
  private readonly api: Api
  private readonly features = new Map<string, FeatureStore>()

  constructor({ api, storage, now, prefersLargeText }: RootStoreDeps) {
    this.api = api
    this.session = new SessionStore(api, storage, now)
    this.catalog = new CatalogStore(api)
    this.cases = new CaseStore(api)
    this.notifications = new NotificationStore(api)
    this.theme = new ThemeStore(storage, prefersLargeText ?? (() => false))
    // Nothing of one account outlives its session.
    reaction(
      () => this.session.token,
      () => {
        this.cases.reset()
        this.notifications.reset()
        this.features.forEach((store) => store.reset())
      },
    )
  }

  /**
   * The store of a journey that lives in one subpackage, built on first use.
   * Importing it (or its API calls) from here would put that code in the main
   * package, which the size budget cannot afford; the subpackage passes a
   * factory instead (`staffOf` in StaffStore.ts, `staffCasesOf` in StaffCaseStore.ts).
   */
  feature<T extends FeatureStore>(key: string, create: (api: Api) => T): T {
    let store = this.features.get(key)
    if (!store) {
      store = create(this.api)
      this.features.set(key, store)
    }
    return store as T
  }
}
