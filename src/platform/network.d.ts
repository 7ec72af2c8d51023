import type { NetworkStatus } from './types'

export declare const networkStatus: NetworkStatus
