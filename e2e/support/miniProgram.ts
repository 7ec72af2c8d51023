/**
 * Runs the compiled mini-program (dist/weapp) in Node, the way WeChat's
 * logic layer does: in its own global scope (a vm context) that has `wx`,
 * `App`, `Page`, `Component`, `getApp`, `getCurrentPages` and no browser or
 * Node APIs (no fetch, XMLHttpRequest, window, document, process). Modules are
 * loaded with a small CommonJS `require` relative to dist/weapp.
 *
 * Pages are instantiated as WeChat would: an object made from the Page()
 * definition with `data`, `route` and a `setData` that applies Taro's path
 * updates (`root.cn.[0].cn.[2].v`) to `data`. Events are delivered through
 * the page's `eh` handler, as the WXML templates do.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import vm from 'node:vm'
import { createWxStub, type WxStub, type WxStubOptions } from './wxStub'

type Definition = Record<string, any>

export interface PageInstance {
  route: string
  data: Record<string, any>
  /** Every setData payload, cloned, oldest first. */
  updates: Array<Record<string, unknown>>
  [key: string]: any
}

export interface MiniProgram {
  stub: WxStub
  app: Definition
  /** Clones plain data into the mini-program's realm. */
  toRealm<T>(value: T): T
  /** Evaluates an expression in the mini-program's global scope (e.g. `typeof fetch`). */
  evaluate(expression: string): unknown
  /** Loads a page module (e.g. `pages/home/index`), creates its instance and runs onLoad/onShow/onReady. */
  openPage(route: string, query?: Record<string, string>): PageInstance
  /** Errors the bundle logged with console.error, and uncaught ones from its callbacks. */
  errors: string[]
  /** Stops every timer the bundle started. */
  dispose(): void
}

export function loadMiniProgram(root: string, stubOptions: Omit<WxStubOptions, 'toRealm'>): MiniProgram {
  const errors: string[] = []
  const pageDefinitions = new Map<string, Definition>()
  const stack: PageInstance[] = []
  let app: Definition | null = null
  let loadingModule = ''

  const bundleConsole = {
    ...console,
    log() {},
    info() {},
    debug() {},
    warn() {},
    error: (...args: unknown[]) => errors.push(args.map(describe).join(' ')),
  }
  // WeChat reports an exception thrown from a timer to App.onError; here it is recorded, not fatal to the test run.
  const guard = (fn: unknown) => (...args: unknown[]) => {
    try {
      if (typeof fn === 'function') fn(...args)
    } catch (error) {
      errors.push(`uncaught: ${describe(error)}`)
    }
  }
  // Timers the bundle starts, so dispose() can stop them (an SMS countdown must not keep the test process alive).
  const timers = new Set<NodeJS.Timeout>()
  const sandbox: Record<string, unknown> = {
    console: bundleConsole,
    setTimeout: (fn: unknown, ms?: number, ...args: unknown[]) => {
      const timer: NodeJS.Timeout = setTimeout((...a: unknown[]) => {
        timers.delete(timer)
        guard(fn)(...a)
      }, ms, ...args)
      timers.add(timer)
      return timer
    },
    clearTimeout: (timer: NodeJS.Timeout) => {
      timers.delete(timer)
      clearTimeout(timer)
    },
    setInterval: (fn: unknown, ms?: number, ...args: unknown[]) => {
      const timer = setInterval(guard(fn), ms, ...args)
      timers.add(timer)
      return timer
    },
    clearInterval: (timer: NodeJS.Timeout) => {
      timers.delete(timer)
      clearInterval(timer)
    },
    App(definition: Definition) {
      app = definition
    },
    Page(definition: Definition) {
      pageDefinitions.set(loadingModule, definition)
    },
    Component() {
      // Taro's recursive template component (comp.js) and custom wrappers: nothing to render here.
    },
    Behavior: (definition: unknown) => definition,
    getApp: () => app,
    getCurrentPages: () => stack,
    requirePlugin() {
      throw new Error('requirePlugin is not available in the Node harness')
    },
  }
  const context = vm.createContext(sandbox, { name: 'weapp-logic-layer' })
  const realmJson = vm.runInContext('JSON', context) as JSON
  const toRealm = <T>(value: T): T => (value === undefined ? value : (realmJson.parse(JSON.stringify(value)) as T))
  const stub = createWxStub({ ...stubOptions, toRealm })
  sandbox.wx = stub.wx
  vm.runInContext('var global = globalThis', context)

  const cache = new Map<string, { exports: unknown }>()
  function load(file: string): unknown {
    const cached = cache.get(file)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    cache.set(file, module)
    const source = readFileSync(file, 'utf8')
    const fn = vm.compileFunction(source, ['require', 'module', 'exports'], { parsingContext: context, filename: file })
    const previous = loadingModule
    loadingModule = relative(root, file).replace(/\.js$/, '')
    try {
      fn.call(module.exports, (spec: string) => load(resolveModule(dirname(file), spec)), module, module.exports)
    } finally {
      loadingModule = previous
    }
    return module.exports
  }
  const resolveModule = (from: string, spec: string) => {
    if (!spec.startsWith('.')) throw new Error(`The mini-program required "${spec}": only relative modules exist in WeChat`)
    const path = resolve(from, spec)
    return path.endsWith('.js') ? path : `${path}.js`
  }

  load(join(root, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App()')
  const appDefinition: Definition = app

  function openPage(route: string, query: Record<string, string> = {}): PageInstance {
    load(join(root, `${route}.js`))
    const definition = pageDefinitions.get(route)
    if (!definition) throw new Error(`${route}.js did not call Page()`)
    const page = Object.create(definition) as PageInstance
    Object.assign(page, {
      route,
      __route__: route,
      options: query,
      data: JSON.parse(JSON.stringify(definition.data ?? {})),
      updates: [],
      setData(payload: Record<string, unknown>, callback?: () => void) {
        const copy = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>
        page.updates.push(copy)
        for (const [path, value] of Object.entries(copy)) setPath(page.data, path, value)
        if (callback) setTimeout(callback, 0)
      },
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => (stub.wx.createSelectorQuery as () => unknown)(),
      getOpenerEventChannel: () => ({ emit() {}, on() {}, once() {}, off() {} }),
    })
    stack.push(page)
    page.onLoad?.(toRealm(query))
    page.onShow?.()
    page.onReady?.()
    return page
  }

  return {
    stub,
    app: appDefinition,
    errors,
    toRealm,
    dispose() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
    evaluate: (expression) => vm.runInContext(expression, context),
    openPage,
  }
}

/** Applies one setData key such as `root.cn.[0].cn.[2].v` or `root.cn[0]`. */
export function setPath(target: Record<string, any>, path: string, value: unknown): void {
  const keys: Array<string | number> = []
  for (const segment of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(segment)
    if (!match) {
      keys.push(segment)
      continue
    }
    if (match[1]) keys.push(match[1])
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]))
  }
  let node: any = target
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value
      return
    }
    if (node[key] === undefined || node[key] === null) node[key] = typeof keys[i + 1] === 'number' ? [] : {}
    node = node[key]
  })
}

export interface RenderedNode {
  sid?: string
  uid?: string
  nn?: string | number
  cl?: string
  v?: string
  cn?: RenderedNode[]
  [key: string]: unknown
}

/** All text under a node, in order. */
export function textOf(node: RenderedNode | undefined): string {
  if (!node) return ''
  return (node.v ?? '') + (node.cn ?? []).map(textOf).join('')
}

/** Depth-first list of every node under `root` (the page's `data.root`). */
export function allNodes(root: RenderedNode | undefined): RenderedNode[] {
  if (!root) return []
  return [root, ...(root.cn ?? []).flatMap(allNodes)]
}

/**
 * Delivers an event to a rendered node the way base.wxml does (`bindtap="eh"`,
 * `bindgetphonenumber="eh"`, … with `data-sid`): through the page's `eh`.
 */
export function trigger(mp: MiniProgram, page: PageInstance, node: RenderedNode, type: string, detail: Record<string, unknown> = {}): unknown {
  const sid = node.sid ?? node.uid
  if (!sid) throw new Error(`node has no sid: ${JSON.stringify(node).slice(0, 200)}`)
  const target = { id: node.uid ?? sid, dataset: { sid } }
  const event = { type, timeStamp: Date.now(), target, currentTarget: target, detail: type === 'tap' ? { x: 0, y: 0, ...detail } : detail }
  return page.eh(mp.toRealm({ ...event, touches: [], changedTouches: [] }))
}

/** An error as one line plus the first frames; minified bundle lines are cut short. */
function describe(value: unknown): string {
  if (value && typeof value === 'object' && 'stack' in value) {
    return String((value as Error).stack ?? value)
      .split('\n')
      .slice(0, 6)
      .map((line) => line.slice(0, 300))
      .join('\n')
  }
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

/** The NutUI button element (not its inner text view) whose label is `label` (or contains it). */
export function nutButton(page: PageInstance, label: string, match: 'exact' | 'contains' = 'exact'): RenderedNode {
  const found = allNodes(page.data.root).find((n) => {
    if (!/(^|\s)nut-button(\s|$)/.test(n.cl ?? '')) return false
    const text = textOf(n).trim()
    return match === 'exact' ? text === label : text.includes(label)
  })
  assert.ok(found, `no NutUI button "${label}" on ${page.route}: ${textOf(page.data.root).slice(0, 200)}`)
  return found
}

/** Polls until `check` holds, or rejects after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
