import { makeAutoObservable } from 'mobx'
import type { KeyValueStorage } from '../stores/storage'

/** Read by other tools too (the accessibility checks run pages in elder mode): keep key and values. */
export const THEME_STORAGE_KEY = 'paoyici.theme'
export type ThemeName = 'elder' | 'standard'

/**
 * Standard or elder mode (长辈版). A choice made in 设置 is stored and always
 * wins; until then elder mode follows WeChat's large-font setting.
 */
export class ThemeStore {
  name: ThemeName

  constructor(private readonly storage: KeyValueStorage, prefersLargeText: () => boolean) {
    const stored = storage.get(THEME_STORAGE_KEY)
    this.name = stored === 'elder' || stored === 'standard' ? stored : prefersLargeText() ? 'elder' : 'standard'
    makeAutoObservable<ThemeStore, 'storage'>(this, { storage: false })
  }

  get elder(): boolean {
    return this.name === 'elder'
  }

  setElder(on: boolean): void {
    this.name = on ? 'elder' : 'standard'
    this.storage.set(THEME_STORAGE_KEY, this.name)
  }
}
