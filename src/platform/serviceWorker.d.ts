/** Installs the offline service worker where there is one (H5 production builds); elsewhere nothing. */
export declare function registerServiceWorker(): void
