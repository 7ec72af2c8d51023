/**
 * The operations of openapi.json and, for each, an arbitrary of HTTP requests:
 * mostly schema-shaped with one or more parts broken (path, query, body,
 * content type, credentials), plus a fixed battery of hostile requests that
 * every operation gets.
 */
import fc from 'fast-check'
import { deepJson, encodeAny, HOSTILE_SEGMENTS, HOSTILE_STRINGS, MB, RawJson, toJsonText } from './hostile'
import type { ValuePool } from './pools'
import { invalidValue, validValue, type JsonSchema } from './schemaArbitrary'

export const ROLES = ['anonymous', 'citizen', 'window', 'admin', 'forged'] as const
export type Role = (typeof ROLES)[number]

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema: JsonSchema
}

export interface Operation {
  method: string
  path: string
  parameters: Parameter[]
  /** The JSON body schema, if the operation takes one. */
  body?: JsonSchema
  bodyRequired: boolean
  /** Documented response schemas by status code. */
  responses: Record<string, JsonSchema | undefined>
}

export interface FuzzRequest {
  role: Role
  method: string
  url: string
  headers: Record<string, string>
  payload?: string | Buffer
  /** What was broken, for the failure report. */
  label: string
}

export const operationKey = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head']

export function operationsOf(spec: any): Operation[] {
  const ops: Operation[] = []
  for (const [path, item] of Object.entries<any>(spec.paths ?? {})) {
    for (const method of Object.keys(item).filter((m) => METHODS.includes(m))) {
      const op = item[method]
      const responses: Operation['responses'] = {}
      for (const [code, r] of Object.entries<any>(op.responses ?? {})) responses[code] = r?.content?.['application/json']?.schema
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])],
        body: op.requestBody?.content?.['application/json']?.schema,
        bodyRequired: Boolean(op.requestBody?.required),
        responses,
      })
    }
  }
  return ops
}

type Segment = { raw: string } | { value: unknown }
const segment = (s: Segment) => ('raw' in s ? s.raw : encodeAny(String(s.value)))

function buildUrl(op: Operation, path: Record<string, Segment>, query: string): string {
  const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => segment(path[name] ?? { raw: 'x' }))
  return query ? `${url}?${query}` : url
}

interface Body {
  payload?: string | Buffer
  contentType?: string
  label: string
}

const json = (value: unknown, label: string, contentType = 'application/json'): Body => ({ payload: toJsonText(value), contentType, label })

/** multipart/form-data by hand, as a browser sends it, optionally malformed. */
function multipart(parts: { name: string; data: Buffer | string; filename?: string; type?: string }[], opts: { truncate?: boolean; boundary?: string } = {}): Body {
  const boundary = opts.boundary ?? '----fuzz7MA4YWxkTrZu0gW'
  const chunks: Buffer[] = []
  for (const p of parts) {
    const fname = p.filename !== undefined ? `; filename="${p.filename}"` : ''
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${fname}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`))
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data), Buffer.from('\r\n'))
  }
  if (!opts.truncate) chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}`, label: 'multipart' }
}

const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0])
const PDF_HEAD = Buffer.from('%PDF-1.4\n')

/** Bodies that are not the JSON the schema describes, by kind; the fixed battery takes one of each kind. */
export const GARBAGE_KINDS: Body[][] = [
  [
    { payload: '{"a":', contentType: 'application/json', label: 'truncated JSON' },
    { payload: "{'a':1}", contentType: 'application/json', label: 'single-quoted JSON' },
    { payload: '{"a":1}{"b":2}', contentType: 'application/json', label: 'two JSON documents' },
    { payload: '', contentType: 'application/json', label: 'empty JSON body' },
    { payload: Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), contentType: 'application/json', label: 'BOM + {}' },
    { payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), contentType: 'application/json', label: 'invalid UTF-8 in JSON' },
  ],
  [
    { payload: 'null', contentType: 'application/json', label: 'JSON null' },
    { payload: '"text"', contentType: 'application/json', label: 'JSON string' },
    { payload: '123', contentType: 'application/json', label: 'JSON number' },
    { payload: '[]', contentType: 'application/json', label: 'JSON array' },
    { payload: '{}', contentType: 'application/json', label: 'empty object' },
  ],
  [
    { payload: '{"__proto__":{"admin":true}}', contentType: 'application/json', label: 'prototype pollution' },
    { payload: '{"constructor":{"prototype":{"admin":true}}}', contentType: 'application/json', label: 'constructor pollution' },
    { payload: Buffer.from('{"a":"\\ud800","b":"\\u0000"}'), contentType: 'application/json', label: 'escaped lone surrogate and NUL' },
  ],
  [
    { payload: '{"a":1}', contentType: 'application/json; charset=latin1', label: 'JSON with a foreign charset' },
    { payload: '{"a":1}', contentType: 'text/plain', label: 'text/plain' },
    { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', label: 'form-urlencoded' },
    { payload: '<a>1</a>', contentType: 'application/xml', label: 'XML' },
    { payload: '{"a":1}', contentType: 'application/json-patch+json', label: 'JSON patch type' },
    { payload: '{"a":1}', contentType: '', label: 'empty content type' },
    { payload: '{"a":1}', contentType: ';;;', label: 'malformed content type' },
    { payload: '{"a":1}', label: 'no content type' },
    { payload: Buffer.alloc(2048, 0x9c), contentType: 'application/octet-stream', label: 'binary' },
  ],
  [
    { payload: 'x'.repeat(MB), contentType: 'application/json', label: '1 MB of x as JSON' },
    json({ s: 'x'.repeat(MB) }, '1 MB string field'),
    json({ s: 'x'.repeat(200 * 1024) }, '200 kB string field'),
  ],
  [json(deepJson(10_000), 'array nested 10k deep'), json(deepJson(10_000, 'object'), 'object nested 10k deep')],
  [json(new Array(30_000).fill(1), '30k-item array'), json(Object.fromEntries(new Array(5000).fill(0).map((_, i) => [`k${i}`, i])), '5k-key object')],
  [
    { ...multipart([{ name: 'file', data: 'garbage', filename: 'a.jpg', type: 'image/jpeg' }], { boundary: 'fuzzgarbage' }), label: 'multipart garbage' },
    { ...multipart([{ name: 'file', data: JPEG_HEAD, filename: 'a.jpg' }], { truncate: true, boundary: 'fuzztruncated' }), label: 'multipart truncated' },
    { payload: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', contentType: 'multipart/form-data; boundary=x', label: 'multipart without end' },
    { payload: 'abc', contentType: 'multipart/form-data', label: 'multipart without boundary' },
  ],
]
export const GARBAGE_BODIES: Body[] = GARBAGE_KINDS.flat()

/** Multipart bodies shaped like an upload, some good, some not. */
function uploadBody(): fc.Arbitrary<Body> {
  return fc.oneof(
    fc.constantFrom(JPEG_HEAD, PDF_HEAD, Buffer.from('GIF89a'), Buffer.alloc(0)).chain((head) =>
      fc.tuple(fc.integer({ min: 0, max: 8192 }), fc.constantFrom('file', 'files', 'FILE', ''), fc.constantFrom('a.jpg', '', '../../x.pdf', '中文.png', '\u0000.jpg', 'x'.repeat(600))).map(([size, field, filename]) =>
        multipart([{ name: field, data: Buffer.concat([head, Buffer.alloc(size, size % 251)]), filename, type: 'image/jpeg' }]),
      ),
    ),
    fc.constant(multipart([{ name: 'note', data: 'x' }, { name: 'file', data: JPEG_HEAD, filename: 'a.jpg' }, { name: 'file', data: JPEG_HEAD, filename: 'b.jpg' }])),
    fc.constant(multipart(new Array(20).fill(0).map((_, i) => ({ name: `f${i}`, data: 'x'.repeat(2000) })))),
    fc.constant(multipart([{ name: 'file', data: Buffer.concat([JPEG_HEAD, Buffer.alloc(64, 7)]), filename: 'a.jpg' }], { truncate: true })),
  )
}


/** Which part of a generated request is broken: none, one, or all of them. */
type Mode = 'valid' | 'path' | 'query' | 'body' | 'role' | 'chaos'
const MODES: fc.Arbitrary<Mode> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Mode>('valid') },
  { weight: 2, arbitrary: fc.constant<Mode>('path') },
  { weight: 2, arbitrary: fc.constant<Mode>('query') },
  { weight: 4, arbitrary: fc.constant<Mode>('body') },
  { weight: 1, arbitrary: fc.constant<Mode>('role') },
  { weight: 2, arbitrary: fc.constant<Mode>('chaos') },
)
const SIGNED_IN: Role[] = ['citizen', 'window', 'admin']

const asSegment = (v: unknown): Segment => ({ value: v instanceof RawJson ? v.text : typeof v === 'object' && v !== null ? JSON.stringify(v) : v })

function pathSegment(op: Operation, p: Parameter, pool: ValuePool, broken: boolean): fc.Arbitrary<Segment> {
  if (broken) {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS).map((raw): Segment => ({ raw })) },
      { weight: 1, arbitrary: invalidValue(p.schema, p.name).map(asSegment) },
      { weight: 1, arbitrary: validValue(p.schema, p.name).map(asSegment) }, // well-formed but unknown
    )
  }
  const known = pool.candidates(op.path, p.name)
  const own = validValue(p.schema, p.name).map(asSegment)
  return known.length > 0 ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known).map(asSegment) }, { weight: 1, arbitrary: own }) : own
}

function queryString(op: Operation, pool: ValuePool, broken: boolean): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'query')
  const source = pool.source()
  const encode = (v: unknown) => encodeAny(v instanceof RawJson ? v.text : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))
  const model: Record<string, fc.Arbitrary<unknown[]>> = {}
  for (const p of params) {
    const valid = validValue(p.schema, p.name, source).map((v) => [v])
    model[p.name] = broken
      ? fc.oneof(
          { weight: 2, arbitrary: valid },
          { weight: 3, arbitrary: invalidValue(p.schema, p.name, source).map((v) => [v]) },
          { weight: 1, arbitrary: fc.array(validValue(p.schema, p.name, source), { minLength: 2, maxLength: 3 }) }, // repeated key
        )
      : valid
  }
  const requiredKeys = params.filter((p) => p.required).map((p) => p.name)
  const extras = broken
    ? fc.array(
        fc.oneof(
          fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'page[0]', 'a[b]', ''), fc.constantFrom(...HOSTILE_STRINGS)).map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`),
          fc.constantFrom('%', '%E0%A4%A=1', '&&&', '=', 'page', 'page=', 'a'.repeat(5000) + '=1', `q=${'%FF'.repeat(20)}`),
        ),
        { maxLength: 2 },
      )
    : fc.constant([])
  const drop = broken ? fc.integer({ min: 0, max: 3 }).map((n) => n === 0) : fc.constant(false)
  return fc.tuple(fc.record(model, { requiredKeys }), drop, extras).map(([values, dropRequired, extra]) => {
    const parts: string[] = []
    for (const [name, list] of Object.entries(values)) {
      if (dropRequired && requiredKeys.includes(name)) continue
      for (const one of list) parts.push(`${encodeAny(name)}=${encode(one)}`)
    }
    return [...parts, ...extra].join('&')
  })
}

function bodyArbitrary(op: Operation, pool: ValuePool, broken: boolean): fc.Arbitrary<Body | undefined> {
  const source = pool.source()
  if (op.body) {
    if (!broken) return validValue(op.body, '', source).map((v) => json(v, 'schema-valid body'))
    return fc.oneof(
      { weight: 6, arbitrary: invalidValue(op.body, '', source).map((v) => json(v, 'broken body')) },
      { weight: 1, arbitrary: fc.constantFrom<Body | undefined>(undefined, ...GARBAGE_BODIES) },
    )
  }
  // No JSON body documented: usually none, but some operations take uploads or raw bodies.
  if (op.method === 'GET' || op.method === 'DELETE') {
    return broken ? fc.constantFrom<Body | undefined>(...GARBAGE_BODIES) : fc.constant(undefined)
  }
  if (!broken) return fc.oneof(fc.constant(undefined), uploadBody())
  return fc.oneof(
    { weight: 3, arbitrary: uploadBody() },
    { weight: 2, arbitrary: fc.constantFrom<Body | undefined>(...GARBAGE_BODIES) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => json(v, 'random JSON')) },
  )
}

export interface RequestContext {
  pool: ValuePool
  /** Authorization header of a role; '' for anonymous. */
  authorization(role: Role): string
}

function assemble(op: Operation, ctx: RequestContext, role: Role, path: Record<string, Segment>, query: string, body: Body | undefined, label: string): FuzzRequest {
  const headers: Record<string, string> = {}
  const auth = ctx.authorization(role)
  if (auth) headers.authorization = auth
  if (body?.contentType !== undefined) headers['content-type'] = body.contentType
  return { role, method: op.method, url: buildUrl(op, path, query), headers, payload: body?.payload, label: [label, body?.label].filter(Boolean).join('; ') }
}

/**
 * Requests for one operation, each drawn from its schema: all valid, one part
 * broken, or everything broken. `admitted` are the roles the operation let
 * past its guard in the fixed battery; the requests not about roles use them.
 */
export function requestArbitrary(op: Operation, ctx: RequestContext, admitted: Role[] = []): fc.Arbitrary<FuzzRequest> {
  const signedIn = admitted.length > 0 ? admitted : SIGNED_IN
  return MODES.chain((mode) => {
    const chaos = mode === 'chaos'
    const pathModel: Record<string, fc.Arbitrary<Segment>> = {}
    for (const p of op.parameters.filter((q) => q.in === 'path')) pathModel[p.name] = pathSegment(op, p, ctx.pool, chaos || mode === 'path')
    const role = chaos || mode === 'role' ? fc.constantFrom(...ROLES) : fc.constantFrom(...signedIn)
    return fc
      .tuple(role, fc.record(pathModel), queryString(op, ctx.pool, chaos || mode === 'query'), bodyArbitrary(op, ctx.pool, chaos || mode === 'body'))
      .map(([r, path, query, body]) => assemble(op, ctx, r, path, query, body, `broken: ${mode === 'valid' ? 'nothing' : mode}`))
  })
}

/** A schema-valid body for warming up: creating things the other operations can then act on. */
export function validBodies(op: Operation, ctx: RequestContext, count: number, seed: number): FuzzRequest[] {
  if (!op.body) return []
  const bodies = fc.sample(validValue(op.body, '', ctx.pool.source()), { seed, numRuns: count })
  return bodies.flatMap((v) => SIGNED_IN.map((role) => assemble(op, ctx, role, {}, '', json(v, 'schema-valid body'), 'warm-up')))
}

/**
 * The fixed battery each operation gets before the random runs: a plain
 * schema-shaped request as each role (anonymous and a forged token too), one
 * body of each garbage kind, hostile path segments and a hostile query,
 * rotating through the roles and, by operation, through the catalogue.
 */
export function fixedRequests(op: Operation, ctx: RequestContext, seed: number, index: number): FuzzRequest[] {
  const plainPath: Record<string, Segment> = {}
  for (const p of op.parameters.filter((q) => q.in === 'path')) {
    const known = ctx.pool.candidates(op.path, p.name)
    plainPath[p.name] = known.length > 0 ? asSegment(known[0]) : asSegment(fc.sample(validValue(p.schema, p.name), { seed, numRuns: 1 })[0])
  }
  const plainBody = op.body ? json(fc.sample(validValue(op.body, '', ctx.pool.source()), { seed, numRuns: 1 })[0], 'schema-valid body') : undefined
  const out: FuzzRequest[] = []
  for (const role of ROLES) out.push(assemble(op, ctx, role, plainPath, '', plainBody, 'plain'))
  const kinds = op.body || !['GET', 'DELETE'].includes(op.method) ? GARBAGE_KINDS : GARBAGE_KINDS.slice(3, 4)
  kinds.forEach((kind, i) => out.push(assemble(op, ctx, ROLES[(index + i) % ROLES.length], plainPath, '', kind[index % kind.length], 'garbage body')))
  const pathParams = Object.keys(plainPath)
  for (let k = 0; k < 4 && pathParams.length > 0; k++) {
    const raw = HOSTILE_SEGMENTS[(index * 4 + k) % HOSTILE_SEGMENTS.length]
    const name = pathParams[k % pathParams.length]
    out.push(assemble(op, ctx, ROLES[(index + k) % ROLES.length], { ...plainPath, [name]: { raw } }, '', plainBody, `path ${name}=${raw.slice(0, 40)}`))
  }
  const queryNames = op.parameters.filter((p) => p.in === 'query').map((p) => p.name)
  const hostileQuery = [...queryNames, 'extra'].map((n, i) => `${n}=${encodeAny(HOSTILE_STRINGS[(index + i) % HOSTILE_STRINGS.length])}&${n}=-1`).join('&')
  out.push(assemble(op, ctx, 'admin', plainPath, hostileQuery, plainBody, 'hostile repeated query'))
  out.push(assemble(op, ctx, 'citizen', plainPath, `${queryNames[0] ?? 'q'}=${'x'.repeat(100_000)}`, plainBody, '100 kB query value'))
  return out
}
