import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { StoreProvider } from './stores/context'
import { appStore } from './stores/appStore'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    void appStore.session.restore()
  })
  return <StoreProvider store={appStore}>{children}</StoreProvider>
}

export default App
