/** The life of one remote read, as a screen shows it. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'
