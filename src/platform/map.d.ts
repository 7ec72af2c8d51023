import type { OpenMap } from './types'

export declare const openMap: OpenMap
