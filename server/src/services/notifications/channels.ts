/**
 * The channels beyond the in-app message centre. Each decides inside the
 * dispatch transaction whether it takes a message (`claim`: reserving what it
 * needs, e.g. a subscription credit, and fixing the text), then sends the
 * stored delivery after commit (`deliver`, also used by the retry job).
 */
import type { NotificationChannelName, NotificationKind, NotificationSubjectKind } from '../../../../types/enums'
import type { DbOrTx } from '../../db/client'
import type { DeliveryPayload } from '../../db/schema'
import { SmsSendError, type SmsSender } from '../../integrations/sms/smsSender'
import { WechatApiError, type WechatClient } from '../../integrations/wechat/client'
import { consumeCredit } from './subscriptionCredits'
import type { NotificationTemplates } from './templateConfig'
import { buildSmsParams, buildSubscribeData, subscribePage, type NotificationFacts } from './templates'

/** A committed message as channels see it. */
export interface OutboundMessage {
  id: string
  citizenId: string
  kind: NotificationKind
  title: string
  body: string
  subject: { kind: NotificationSubjectKind; id: string } | null
  facts?: NotificationFacts
  at: Date
}

/** How the citizen can be reached; personal data, never logged. */
export interface Recipient {
  openid: string | null
  phone: string | null
}

export interface ClaimedDelivery {
  template: string
  payload: DeliveryPayload
}

/** A failed send: `transient` ones are retried with backoff, the rest are final. Messages carry no personal data. */
export class DeliveryFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly transient: boolean,
  ) {
    super(message)
    this.name = 'DeliveryFailure'
  }
}

export interface NotificationChannel {
  readonly name: NotificationChannelName
  claim(tx: DbOrTx, message: OutboundMessage, to: Recipient): Promise<ClaimedDelivery | null>
  deliver(delivery: ClaimedDelivery, to: Recipient): Promise<void>
}

/**
 * WeChat errcodes worth another try later: -1 (busy, network, 5xx), a token that stayed bad after the
 * client's immediate refresh (40001, 42001), frequency limits (45009, 45011). Everything else — 43101
 * (refused / no quota), 40037 (bad template), 47003 (bad data), 40003 (bad openid), 41030 (bad page) — is final.
 */
const WECHAT_TRANSIENT = new Set([-1, 40001, 42001, 45009, 45011])

export function wechatFailure(err: unknown): DeliveryFailure {
  if (err instanceof WechatApiError) {
    // errmsg ends with WeChat's request id; it holds no personal data.
    return new DeliveryFailure(String(err.errcode), err.errmsg.slice(0, 200), WECHAT_TRANSIENT.has(err.errcode))
  }
  return new DeliveryFailure('Unexpected', err instanceof Error ? err.name : 'unknown error', true)
}

const SMS_TRANSIENT = /^(NetworkError|Timeout|InvalidResponse|InternalError|ServiceUnavailable|Throttling|isv\.BUSINESS_LIMIT_CONTROL)/

export function smsFailure(err: unknown): DeliveryFailure {
  if (err instanceof SmsSendError) return new DeliveryFailure(err.code, err.message, SMS_TRANSIENT.test(err.code))
  return new DeliveryFailure('Unexpected', err instanceof Error ? err.name : 'unknown error', true)
}

/** A WeChat subscribe message, when the citizen has an openid and an unused one-time subscription for the kind's template. */
export class WechatSubscribeChannel implements NotificationChannel {
  readonly name = 'wechat' as const
  constructor(
    private readonly client: WechatClient,
    private readonly templates: NotificationTemplates,
  ) {}

  async claim(tx: DbOrTx, message: OutboundMessage, to: Recipient): Promise<ClaimedDelivery | null> {
    const templateId = this.templates.wechat[message.kind]
    if (!templateId || !to.openid) return null
    const data = buildSubscribeData({ kind: message.kind, title: message.title, body: message.body, facts: message.facts, at: message.at })
    if (!data) return null
    if (!(await consumeCredit(tx, message.citizenId, templateId))) return null
    const params = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.value]))
    return { template: templateId, payload: { params, page: subscribePage(message.subject, message.id) } }
  }

  async deliver(delivery: ClaimedDelivery, to: Recipient): Promise<void> {
    if (!to.openid) throw new DeliveryFailure('NoOpenid', '用户已解绑微信', false)
    try {
      await this.client.sendSubscribeMessage({
        toUser: to.openid,
        templateId: delivery.template,
        page: delivery.payload.page,
        data: Object.fromEntries(Object.entries(delivery.payload.params).map(([k, value]) => [k, { value }])),
        miniprogramState: this.templates.miniprogramState,
      })
    } catch (err) {
      throw wechatFailure(err)
    }
  }
}

/** An SMS, when the citizen has a phone and the kind has an SMS template. */
export class SmsChannel implements NotificationChannel {
  readonly name = 'sms' as const
  constructor(
    private readonly sender: SmsSender,
    private readonly templates: NotificationTemplates,
  ) {}

  async claim(_tx: DbOrTx, message: OutboundMessage, to: Recipient): Promise<ClaimedDelivery | null> {
    const code = this.templates.sms[message.kind]
    if (!code || !to.phone) return null
    const params = buildSmsParams({ kind: message.kind, title: message.title, body: message.body, facts: message.facts, at: message.at })
    return params ? { template: code, payload: { params } } : null
  }

  async deliver(delivery: ClaimedDelivery, to: Recipient): Promise<void> {
    if (!to.phone) throw new DeliveryFailure('NoPhone', '用户已解绑手机号', false)
    try {
      await this.sender.send({ phone: to.phone, templateCode: delivery.template, params: delivery.payload.params })
    } catch (err) {
      throw smsFailure(err)
    }
  }
}
