/**
 * A browser does not tell pages its text-size setting (it zooms them instead):
 * the city app starts standard and offers 长辈版 in 设置.
 */
export function prefersLargeText(): boolean {
  return false
}
