import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { StoreProvider } from './stores/context'
import { appStore } from './stores/appStore'
import { registerServiceWorker } from './platform/serviceWorker'
import { enableKeyboardAccess } from './platform/accessibility'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    void appStore.session.restore()
    registerServiceWorker()
    enableKeyboardAccess()
  })
  return <StoreProvider store={appStore}>{children}</StoreProvider>
}

export default App
