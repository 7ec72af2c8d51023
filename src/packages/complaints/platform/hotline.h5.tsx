import type { ReactNode } from 'react'

/** H5: a real tel: link, so the phone's dialer opens (and a desktop offers its calling app). */
export function HotlineTap({ number, className, children }: { number: string; className?: string; children: ReactNode }) {
  return (
    <a className={className} href={`tel:${number}`}>
      {children}
    </a>
  )
}
