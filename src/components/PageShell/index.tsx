import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { observer } from 'mobx-react-lite'
import { useStores } from '../../stores/context'
import { OfflineBanner } from '../OfflineBanner'
import './index.scss'

interface PageShellProps {
  /** Block name of the page, e.g. `home` → class `page page--home`. */
  name: string
  /** Leaves room for a fixed bottom action bar. */
  withBottomBar?: boolean
}

/**
 * Root of every page: one place for page-wide classes (elder mode, 长辈版,
 * adds `page--elder`: src/theme/elder.scss), since the mini-program renders nothing from App.
 */
export const PageShell = observer(function PageShell({ name, withBottomBar, children }: PropsWithChildren<PageShellProps>) {
  const { theme } = useStores()
  const classes = ['page', `page--${name}`, withBottomBar ? 'page--with-bottom-bar' : '', theme.elder ? 'page--elder' : ''].filter(Boolean)
  return <View className={classes.join(' ')}><OfflineBanner />{children}</View>
})
