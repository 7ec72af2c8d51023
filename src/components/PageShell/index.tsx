import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import './index.scss'

interface PageShellProps {
  /** Block name of the page, e.g. `home` → class `page page--home`. */
  name: string
  /** Leaves room for a fixed bottom action bar. */
  withBottomBar?: boolean
}

/**
 * Root of every page: one place for page-wide classes (a theme such as elder
 * mode switches here), since the mini-program renders nothing from App.
 */
export function PageShell({ name, withBottomBar, children }: PropsWithChildren<PageShellProps>) {
  const classes = ['page', `page--${name}`, withBottomBar ? 'page--with-bottom-bar' : ''].filter(Boolean)
  return <View className={classes.join(' ')}>{children}</View>
}
