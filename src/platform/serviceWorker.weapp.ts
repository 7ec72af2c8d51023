/** The mini-program has no service worker: WeChat keeps the package on the phone itself. */
export function registerServiceWorker(): void {}
