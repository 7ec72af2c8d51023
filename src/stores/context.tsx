import { createContext, useContext, type PropsWithChildren } from 'react'
import type { RootStore } from './RootStore'

const StoreContext = createContext<RootStore | null>(null)

export function StoreProvider({ store, children }: PropsWithChildren<{ store: RootStore }>) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

export function useStores(): RootStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useStores() outside <StoreProvider>')
  return store
}

/** The stores when there are any: for shared components also rendered alone (component tests). */
export function useOptionalStores(): RootStore | null {
  return useContext(StoreContext)
}
