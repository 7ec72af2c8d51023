/**
 * What the rest of the server needs from an SMS gateway. Services depend on
 * this, not on a vendor, so a second provider is one more class.
 */
export interface SmsMessage {
  /** Mainland mobile number, 11 digits. */
  phone: string
  templateCode: string
  /** Template variables, e.g. { code: '123456' }. */
  params: Record<string, string>
}

export interface SmsSender {
  send(msg: SmsMessage): Promise<{ bizId: string }>
}

/**
 * The gateway refused or could not be reached. `code` is the provider's code
 * (e.g. 'isv.BUSINESS_LIMIT_CONTROL') or a local one ('NetworkError',
 * 'Timeout', 'InvalidResponse'). The message never contains the phone number.
 */
export class SmsSendError extends Error {
  constructor(
    public code: string,
    public requestId?: string,
    options?: { cause?: unknown },
  ) {
    super(`SMS send failed: ${code}${requestId ? ` (RequestId ${requestId})` : ''}`, options)
    this.name = 'SmsSendError'
  }
}
