import type { SubscribeMessages } from './types'

export declare const subscribeMessages: SubscribeMessages
