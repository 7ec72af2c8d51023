import { SHANGHAI_OFFSET_MS } from '../../domain/calendar/shanghaiTime'

/** 'HH:mm' in Shanghai, for messages ("请于14:05后再试"). */
export function shanghaiInstantLabel(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16)
}
