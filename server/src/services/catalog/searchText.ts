import { pinyin } from 'pinyin-pro'

/**
 * The text a matter is found by: its name and keywords as written, in full
 * pinyin and as pinyin initials, so "sfz" or "shenfenzheng" finds 身份证.
 */
export function buildSearchText(name: string, keywords: string[]): string {
  const parts = [name, ...keywords]
  const forms = parts.flatMap((part) => [
    part,
    pinyin(part, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(''),
    pinyin(part, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(''),
  ])
  return forms.join(' ').toLowerCase()
}

/** What the citizen typed, made comparable with buildSearchText's output. */
export function normalizeQuery(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, '')
}
