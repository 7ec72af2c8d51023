/**
 * fast-check arbitraries from the JSON Schemas of openapi.json: values that
 * pass the schema (using identifiers the server really has where it can, so
 * requests reach the services), and values that break it one way or another.
 */
import fc from 'fast-check'
import { deepJson, hostileValue, HOSTILE_NUMBERS, HOSTILE_RAW_NUMBERS, HOSTILE_STRINGS, RawJson } from './hostile'

export interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number | boolean
  exclusiveMaximum?: number | boolean
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  minProperties?: number
  maxProperties?: number
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  nullable?: boolean
  default?: unknown
}

/** Real values seen in the server's answers, by field name; see pools.ts. */
export interface ValueSource {
  /** Known values for a field or parameter of this name (may be empty). */
  known(name: string): unknown[]
}

const noSource: ValueSource = { known: () => [] }

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type
  if (schema.type) return [schema.type]
  if (schema.properties) return ['object']
  if (schema.items) return ['array']
  return []
}

/** A value the schema accepts (or nearly: patterns and formats are honoured, cross-field rules are not). */
export function validValue(schema: JsonSchema, name = '', source: ValueSource = noSource, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(s, name, source, depth)))
  if (schema.allOf) return validValue(Object.assign({}, ...schema.allOf), name, source, depth)
  const types = typesOf(schema)
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...schema, type }, name, source, depth)))
  const known = source.known(name).filter((v) => acceptsPrimitive(schema, v))
  const own = validOfType(schema, types[0], name, source, depth)
  const value = known.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: own }) : own
  return schema.nullable ? fc.option(value, { nil: null, freq: 8 }) : value
}

function validOfType(schema: JsonSchema, type: string | undefined, name: string, source: ValueSource, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return validString(schema)
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (type === 'integer' ? -1000 : -1e6)
      const max = schema.maximum ?? (type === 'integer' ? 100_000 : 1e6)
      if (type === 'integer') return fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
    }
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array': {
      const item = schema.items ? validValue(schema.items, name, source, depth + 1) : fc.jsonValue({ maxDepth: 1 })
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, Math.max(4, schema.minItems ?? 0)) }
      return schema.uniqueItems ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(item, constraints)
    }
    case 'object': {
      const properties = schema.properties ?? {}
      const model: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [key, sub] of Object.entries(properties)) model[key] = validValue(sub, key, source, depth + 1)
      const required = (schema.required ?? []).filter((k) => k in properties)
      // minProperties: keep at least one optional key when nothing is required.
      const requiredKeys = required.length === 0 && (schema.minProperties ?? 0) > 0 ? Object.keys(properties).slice(0, 1) : required
      return fc.record(model, { requiredKeys })
    }
    default:
      return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 })
  }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0
  const maxLength = schema.maxLength ?? 60
  const fits = (s: string) => [...s].length >= minLength && [...s].length <= maxLength
  if (schema.format === 'uuid') return fc.uuid()
  if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
  if (schema.format === 'date') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits)
  const cap = Math.min(maxLength, Math.max(minLength, 40))
  const plain = fc.oneof(
    fc.string({ unit: 'grapheme', minLength, maxLength: cap }),
    fc.string({ unit: fc.constantFrom(...'跑一次政务服务办事指南材料申请人'), minLength, maxLength: cap }),
  )
  // Free text within its length can still hold what a column or a log cannot: NUL, lone surrogates, overrides.
  const spiced = fc
    .tuple(plain, fc.oneof(fc.constant('\u0000'), fc.constant('\uD800'), fc.constantFrom(...SPICE)), fc.nat())
    .map(([s, c, at]) => {
      const i = s.length === 0 ? 0 : at % s.length
      const out = s.slice(0, i) + c + s.slice(i)
      return [...out].length > maxLength ? out.slice(0, out.length - c.length) : out
    })
    .filter(fits)
  return fc.oneof({ weight: 2, arbitrary: plain }, { weight: 1, arbitrary: spiced })
}

/** Characters valid in a JSON string that storage, logs or rendering may mishandle. */
const SPICE = ['\u0000', '\uD800', '\uDFFF', '\u202E', '\u200B', '\uFEFF', '😀', "'", '"', '\\', '%', '\n', '\r', '\u0085', '\u2028']

/** Whether a known primitive value fits a scalar schema (lengths, enum, range); objects and arrays never reuse known values. */
function acceptsPrimitive(schema: JsonSchema, v: unknown): boolean {
  const type = typesOf(schema)[0]
  if (type === 'string') {
    if (typeof v !== 'string') return false
    if (schema.maxLength !== undefined && [...v].length > schema.maxLength) return false
    if (schema.minLength !== undefined && [...v].length < schema.minLength) return false
    if (schema.pattern && !new RegExp(schema.pattern).test(v)) return false
    if (schema.format === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return false
    return true
  }
  if (type === 'integer' || type === 'number') {
    return typeof v === 'number' && (type === 'number' || Number.isInteger(v)) && v >= (schema.minimum ?? -Infinity) && v <= (schema.maximum ?? Infinity)
  }
  return false
}

/** A value the schema should refuse, or a hostile one of the right type: the server must still answer 4xx (or accept it). */
export function invalidValue(schema: JsonSchema, name = '', source: ValueSource = noSource, depth = 0): fc.Arbitrary<unknown> {
  const types = typesOf(schema)
  const arbs: fc.Arbitrary<unknown>[] = [hostileValue({ huge: depth === 0 })]
  if (schema.enum) arbs.push(fc.constantFrom<unknown>(...HOSTILE_STRINGS.slice(0, 20), ...schema.enum.map((e) => (typeof e === 'string' ? e.toUpperCase() + ' ' : e))))
  if (types.includes('string')) arbs.push(stringBreaker(schema))
  if (types.includes('integer') || types.includes('number')) arbs.push(numberBreaker(schema))
  if (types.includes('array')) arbs.push(arrayBreaker(schema, name, source, depth))
  if (types.includes('object') && schema.properties) arbs.push(objectBreaker(schema, source, depth))
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) arbs.push(fc.oneof(...alternatives.map((s) => invalidValue(s, name, source, depth + 1))))
  return fc.oneof(...arbs)
}

function stringBreaker(schema: JsonSchema): fc.Arbitrary<unknown> {
  const max = schema.maxLength ?? 1000
  const min = schema.minLength ?? 0
  return fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constant('x'.repeat(max + 1)),
    fc.constant('中'.repeat(max + 1)),
    fc.constant('😀'.repeat(max)), // max code points, 2·max UTF-16 units
    fc.constant('a'.repeat(Math.max(0, min - 1))),
    // a valid-looking value with a hostile tail
    validString(schema).chain((s) => fc.constantFrom(...HOSTILE_STRINGS.slice(0, 16)).map((h) => s + h)),
    fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 80) }),
    fc.constantFrom<unknown>(123, true, ['a'], { a: 1 }, null),
  )
}

function numberBreaker(schema: JsonSchema): fc.Arbitrary<unknown> {
  const edges: unknown[] = [...HOSTILE_NUMBERS, ...HOSTILE_RAW_NUMBERS, '1', '1.5', '', 'abc', true, null, [1], { n: 1 }]
  if (schema.minimum !== undefined) edges.push(schema.minimum - 1, schema.minimum - 0.5)
  if (schema.maximum !== undefined) edges.push(schema.maximum + 1, schema.maximum + 0.5, schema.maximum * 1000)
  return fc.oneof(fc.constantFrom(...edges), fc.double(), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((b) => new RawJson(b.toString())))
}

function arrayBreaker(schema: JsonSchema, name: string, source: ValueSource, depth: number): fc.Arbitrary<unknown> {
  const item = schema.items ?? {}
  const max = schema.maxItems ?? 100
  return fc.oneof(
    fc.constant(new Array(max + 1).fill(null).map((_, i) => i)),
    fc.constant(new Array(10_000).fill('x')),
    fc.array(invalidValue(item, name, source, depth + 1), { minLength: 1, maxLength: 3 }),
    fc.array(validValue(item, name, source, depth + 1), { minLength: 2, maxLength: 4 }).map((a) => [...a, ...a]), // duplicates
    fc.constant(deepJson(10_000)),
    fc.constantFrom<unknown>('a,b', {}, 1),
  )
}

function objectBreaker(schema: JsonSchema, source: ValueSource, depth: number): fc.Arbitrary<unknown> {
  const base = validValue(schema, '', source, depth) as fc.Arbitrary<Record<string, unknown>>
  const keys = Object.keys(schema.properties ?? {})
  const required = schema.required ?? []
  const arbs: fc.Arbitrary<unknown>[] = [
    // an extra field, including prototype-polluting ones
    fc.tuple(base, fc.constantFrom('extra', '__proto__', 'constructor', '', 'id', 'status', 'citizenId', 'role'), hostileValue()).map(
      ([v, k, x]) => new RawJson(`{${JSON.stringify(k)}:${JSON.stringify(x instanceof RawJson ? null : x) ?? 'null'},${JSON.stringify(v).slice(1)}`.replace(/,}$/, '}')),
    ),
    fc.constant(deepJson(10_000, 'object')),
    fc.constantFrom<unknown>([], 'object', 0, null),
  ]
  if (required.length > 0) {
    arbs.push(fc.tuple(base, fc.constantFrom(...required)).map(([v, k]) => {
      const copy = { ...v }
      delete copy[k]
      return copy
    }))
  }
  if (keys.length > 0) {
    // one field broken, the others valid
    arbs.push(
      fc.constantFrom(...keys).chain((k) =>
        fc.tuple(base, invalidValue(schema.properties![k], k, source, depth + 1)).map(([v, bad]) => ({ ...v, [k]: bad })),
      ),
    )
  }
  return fc.oneof(...arbs)
}
