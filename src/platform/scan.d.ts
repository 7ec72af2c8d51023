import type { CodeScanner } from './types'

export declare const codeScanner: CodeScanner
