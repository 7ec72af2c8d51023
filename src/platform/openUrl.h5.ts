/**
 * Opens a URL in a new tab; navigates in place where pop-ups are blocked
 * (some in-app browsers). Not `noopener` in the features string: then
 * window.open returns null and we could not tell a blocked pop-up apart.
 */
export function openInNewTab(url: string): void {
  const opened = window.open(url, '_blank')
  if (opened) opened.opener = null
  else window.location.assign(url)
}
