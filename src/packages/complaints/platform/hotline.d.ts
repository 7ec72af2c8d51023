/** One tap to the 12345 hotline: hotline.weapp.tsx (WeChat's call sheet) / hotline.h5.tsx (a tel: link). */
import type { ReactNode } from 'react'

export declare function HotlineTap(props: { number: string; className?: string; children: ReactNode }): JSX.Element
