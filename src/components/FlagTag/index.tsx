import { Tag } from '@nutui/nutui-react-taro'
import type { PropsWithChildren } from 'react'

export type FlagTone = 'primary' | 'success' | 'warning' | 'danger' | 'neutral'

/** Outline colours come from the design tokens, so a theme recolours every tag. */
const TONES: Record<FlagTone, string> = {
  primary: 'var(--py-color-primary)',
  success: 'var(--py-color-success)',
  warning: 'var(--py-color-warning)',
  danger: 'var(--py-color-danger)',
  neutral: 'var(--py-color-text-muted)',
}

/**
 * A short label on a matter or material (可预约, 可容缺 …): NutUI's Tag,
 * outlined in one of our tones. `solid` for the one fact that matters most.
 */
export function FlagTag({ tone = 'primary', solid = false, children }: PropsWithChildren<{ tone?: FlagTone; solid?: boolean }>) {
  return solid ? (
    <Tag background={TONES[tone]}>{children}</Tag>
  ) : (
    <Tag plain background={TONES[tone]}>
      {children}
    </Tag>
  )
}
