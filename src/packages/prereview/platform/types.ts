/**
 * WeChat subscribe messages (订阅消息): asked for inside a tap handler, at most
 * three templates a time. Resolves to the template ids the citizen accepted;
 * never rejects, so a refusal or an old WeChat never blocks what the tap does.
 */
export interface SubscribeMessages {
  /** False where there is nothing to ask (H5: the app notifies by SMS and the message centre). */
  readonly available: boolean
  request(templateIds: string[]): Promise<string[]>
}
