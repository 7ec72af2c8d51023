/**
 * Elder mode (长辈版) in the mini-program (dist/weapp in Node, stub `wx`): the
 * 设置 switch puts `page--elder` on the page root through setData and stores
 * the choice in wx storage; the next page opens in elder mode; app.wxss holds
 * the elder tokens in WeChat-safe selectors (no H5-only `:has`).
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { allNodes, loadMiniProgram, trigger, until, type MiniProgram, type PageInstance } from './support/miniProgram'
import { weappDist } from './support/stack'

let mp: MiniProgram | undefined

after(() => mp?.dispose())

const rootClass = (page: PageInstance) => allNodes(page.data.root).find((n) => /(^|\s)page(\s|$)/.test(n.cl ?? ''))?.cl ?? ''

test('the 设置 switch turns elder mode on in the mini-program and it is stored', { timeout: 30_000 }, async () => {
  assert.ok(existsSync(join(weappDist, 'app.js')), `${weappDist}/app.js is missing: run \`npm run build:weapp\` first`)
  const css = ['app-origin.wxss', 'app.wxss'].map((f) => join(weappDist, f)).filter(existsSync).map((f) => readFileSync(f, 'utf8')).join('\n')
  assert.match(css, /\.page--elder\{[^}]*--py-font-size-base:20PX/, 'app.wxss redefines the tokens on .page--elder in device px')
  assert.doesNotMatch(css, /:has\(/, 'no :has() in the mini-program styles')

  // No request is made on these pages; any would fail against this closed port.
  mp = loadMiniProgram(weappDist, { rewrite: { baked: 'http://127.0.0.1:8787', target: 'http://127.0.0.1:9' }, loginCode: () => 'unused' })
  mp.app.onLaunch?.(mp.toRealm({ path: 'pages/me/index', query: {}, scene: 1001 }))
  const settings = mp.openPage('packages/account/pages/settings/index')
  await until(() => rootClass(settings).includes('page--settings'), 5_000)
  assert.doesNotMatch(rootClass(settings), /page--elder/, 'standard until switched')

  const toggle = allNodes(settings.data.root).find((n) => /(^|\s)settings-elder(\s|$)/.test(n.cl ?? ''))
  assert.ok(toggle, 'the 长辈版 switch is rendered')
  trigger(mp, settings, toggle, 'tap')
  await until(() => rootClass(settings).includes('page--elder'), 5_000)
  assert.equal(mp.stub.storage.get('paoyici.theme'), 'elder', 'stored in wx storage')

  const home = mp.openPage('pages/home/index')
  await until(() => rootClass(home).includes('page--elder'), 5_000)
  assert.deepEqual(mp.errors, [], 'no bundle errors')
})
