/**
 * Registers dist/h5/sw.js (src/pwa/sw.ts, built by config/pwa.ts) after the
 * page has loaded, so it never competes with the first load. Production
 * builds only (watch builds emit no worker), and only where browsers allow
 * workers: https, or http on localhost / 127.0.0.1.
 */
export function registerServiceWorker(): void {
  if (process.env.NODE_ENV !== 'production') return
  if (typeof window === 'undefined' || !window.isSecureContext || !('serviceWorker' in navigator)) return
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: Error) => {
      console.warn('service worker not registered:', error.message)
    })
  }
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
