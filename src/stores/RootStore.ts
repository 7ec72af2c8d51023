import { reaction } from 'mobx'
import type { Api } from '../api'
import { CatalogStore } from './CatalogStore'
import { SessionStore } from './SessionStore'
import { StaffStore } from './StaffStore'
import type { KeyValueStorage } from './storage'

export interface RootStoreDeps {
  api: Api
  storage: KeyValueStorage
  now?: () => Date
}

/** Builds one store per concept and hands each the API. Nothing else creates stores. */
export class RootStore {
  readonly session: SessionStore
  readonly catalog: CatalogStore
  readonly staff: StaffStore

  constructor({ api, storage, now }: RootStoreDeps) {
    this.session = new SessionStore(api, storage, now)
    this.catalog = new CatalogStore(api)
    this.staff = new StaffStore(api, this.catalog)
    // A staff workbench never outlives its session.
    reaction(
      () => this.session.token,
      () => this.staff.reset(),
    )
  }
}
