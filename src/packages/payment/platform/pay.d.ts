import type { PayChannel } from './types'

export declare const payChannel: PayChannel
