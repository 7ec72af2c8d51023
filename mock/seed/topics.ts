/**
 * The fixed set of service topics (主题服务) the catalog groups matters by.
 * A matter's topics must come from the set of one of its audiences.
 */
import type { Audience } from '../../types/enums'

export const TOPICS: Record<Audience, readonly string[]> = {
  person: ['户籍办理', '社会保障', '就业创业', '不动产', '交通出行', '婚育收养'],
  company: ['开办企业', '准营准办', '不动产', '交通运输'],
}
