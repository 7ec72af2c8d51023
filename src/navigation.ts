import Taro from '@tarojs/taro'
import type { RootStore } from './stores/RootStore'
import type { MatterFilters } from './stores/CatalogStore'
import { TAB_PAGES, routes } from './routes'

/** Opens a service guide. */
export function openGuide(matterId: string): void {
  void Taro.navigateTo({ url: routes.guide(matterId) })
}

/**
 * Shows the 办事 tab filtered as asked. Tab pages take no query string, so the
 * filters travel through the store.
 */
export function browseMatters(store: RootStore, filters: Partial<MatterFilters>): void {
  void store.catalog.resetFilters(filters)
  void Taro.switchTab({ url: TAB_PAGES.services })
}

/** Back to where the user came from, or to a tab when there is nowhere to go back to. */
export function goBackOr(tabUrl: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: tabUrl })
}

export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 })
}
