/**
 * Values no well-behaved client sends: huge and strange strings, numbers a
 * JSON parser or PostgreSQL chokes on, deep nesting. Raw JSON text (numbers
 * JSON.stringify cannot write, nesting too deep to build as objects) is kept
 * as RawJson and spliced in by toJsonText.
 */
import fc from 'fast-check'

/** JSON text written as is into a body. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON.stringify, with RawJson written verbatim. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : toJsonText(v))).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export const MB = 1024 * 1024

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` times. */
export const deepJson = (depth: number, kind: 'array' | 'object' = 'array'): RawJson =>
  new RawJson(kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth))

/** Strings a database, a regex or a log line may mishandle. */
export const HOSTILE_STRINGS: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800', // lone high surrogate
  '\uDC00x', // lone low surrogate
  '\uFFFF\uFFFE',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  '\u202Eevil\u202C', // right-to-left override
  'مرحبا بالعالم',
  'שָׁלוֹם',
  'Z̸̢̛̪͔̤͎a̵̡͉̗l̷̬̈́g̸o̶',
  '\r\n\t\u000b\u000c',
  "' OR 1=1 --",
  '"; DROP TABLE citizens; --',
  '%00%2e%2e%2f',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '２０２６－０１－０１', // full-width digits
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '2026-13-01',
  '24:00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-00000000000g',
  '身份证',
  '·',
  'x'.repeat(1000),
  '中'.repeat(10_000),
]

/** Numbers at and past every boundary an integer column or a JS number has. */
export const HOSTILE_NUMBERS: number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  1e-320,
  2 ** 15,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  1e308,
  -1e308,
  Number.MAX_VALUE,
]

/** Number literals only raw JSON can carry. */
export const HOSTILE_RAW_NUMBERS: RawJson[] = ['1e400', '-1e400', '123456789012345678901234567890', '1.0000000000000000000001', '-0.0', '1E+2', '0.1e-400'].map(
  (t) => new RawJson(t),
)

/** Any JSON value, weighted to the hostile ones; optionally including huge ones. */
export function hostileValue(opts: { huge?: boolean } = {}): fc.Arbitrary<unknown> {
  const arbs: fc.WeightedArbitrary<unknown>[] = [
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_RAW_NUMBERS) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': '' }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(deepJson(64), deepJson(1000, 'object')) },
  ]
  if (opts.huge) {
    arbs.push({ weight: 1, arbitrary: fc.constantFrom<unknown>('x'.repeat(200 * 1024), '😀'.repeat(30_000), new Array(20_000).fill(0), deepJson(10_000)) })
  }
  return fc.oneof(...arbs)
}

/** Path segments that are not what the route expects. */
export const HOSTILE_SEGMENTS: string[] = [
  'not-a-uuid',
  '0',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '11111111-1111-4111-8111-111111111111',
  '123e4567-e89b-12d3-a456-42661417400', // one digit short
  '123e4567-e89b-12d3-a456-4266141740000',
  '%00',
  '%',
  '%E0%A4%A',
  '%F0%9F%98%80',
  '%D8%00',
  '..',
  '..%2F..%2Fetc',
  '%20',
  'a'.repeat(5000),
  encodeURIComponent('中'.repeat(300)),
  "'%20OR%201=1",
  'null',
  'undefined',
  '2026-02-30',
  '99999-01-01',
  '1970-01-01',
]

/** encodeURIComponent that writes lone surrogates as their (invalid) 3-byte UTF-8 form instead of throwing. */
export function encodeAny(s: string): string {
  let out = ''
  for (const ch of s) {
    const u = ch.charCodeAt(0)
    if (ch.length === 1 && u >= 0xd800 && u <= 0xdfff) {
      out += [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
    } else {
      out += encodeURIComponent(ch)
    }
  }
  return out
}
