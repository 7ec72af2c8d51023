import { openInNewTab } from './openUrl.h5'
import type { MapPlace, OpenMap } from './types'

/** amap.com's public marker page (coordinates are GCJ-02, as stored). */
export function amapMarkerUrl({ latitude, longitude, name }: MapPlace): string {
  return `https://uri.amap.com/marker?position=${longitude},${latitude}&name=${encodeURIComponent(name)}`
}

export const openMap: OpenMap = async (place) => {
  openInNewTab(amapMarkerUrl(place))
}
