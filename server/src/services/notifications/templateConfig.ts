import type { Config } from '../../config'
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../../types/enums'
import type { SubscriptionTemplate } from '../../../../types/notifications'
import { kindTitle } from './templates'

/** prereviewResult → PREREVIEW_RESULT, the suffix of WECHAT_TEMPLATE_… and SMS_TEMPLATE_… */
export const settingSuffix = (kind: NotificationKind) => kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()

export interface NotificationTemplates {
  /** kind → WeChat subscribe template id, only the configured ones. */
  wechat: Partial<Record<NotificationKind, string>>
  /** kind → Aliyun SMS template code, only the configured ones. */
  sms: Partial<Record<NotificationKind, string>>
  miniprogramState: 'formal' | 'trial' | 'developer'
}

export function templatesFromConfig(config: Config): NotificationTemplates {
  const settings = config as unknown as Record<string, unknown>
  const read = (name: string) => {
    const value = settings[name]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  }
  const wechat: NotificationTemplates['wechat'] = {}
  const sms: NotificationTemplates['sms'] = {}
  for (const kind of Object.keys(NOTIFICATION_KINDS) as NotificationKind[]) {
    const templateId = read(`WECHAT_TEMPLATE_${settingSuffix(kind)}`)
    if (templateId) wechat[kind] = templateId
    const code = read(`SMS_TEMPLATE_${settingSuffix(kind)}`)
    if (code) sms[kind] = code
  }
  return { wechat, sms, miniprogramState: config.WECHAT_MINIPROGRAM_STATE as NotificationTemplates['miniprogramState'] }
}

/** The configured subscribe templates, in the order of NOTIFICATION_KINDS. */
export function subscriptionTemplates(t: NotificationTemplates): SubscriptionTemplate[] {
  return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).flatMap((kind) => {
    const templateId = t.wechat[kind]
    return templateId ? [{ kind, templateId, title: kindTitle(kind) }] : []
  })
}
