/**
 * Runs the other calendar tests again in child processes under TZ=UTC and
 * TZ=America/Los_Angeles, so `npm test` covers the time-zone traps however
 * the machine running it is set up. Dates must be computed in Asia/Shanghai
 * whatever the process time zone.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.ts') && f !== 'tz.test.ts')
  .sort()
  .map((f) => join(here, f))
const TIMEOUT_MS = 120_000

type Run = { code: number | null; stdout: string; stderr: string }

function run(args: string[], tz: string): Promise<Run> {
  // The parent test runner marks its children with NODE_TEST_CONTEXT; a nested
  // runner must not inherit it, or it reports to the wrong place.
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: tz }
  delete env.NODE_TEST_CONTEXT
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: here, env, timeout: TIMEOUT_MS, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

for (const [tz, offsetOn20260301] of [
  ['UTC', 0],
  ['America/Los_Angeles', 480],
] as const) {
  test(`the calendar tests pass under TZ=${tz}`, { timeout: TIMEOUT_MS + 10_000 }, async () => {
    assert.ok(files.length >= 5, `found the calendar test files: ${files.join(', ')}`)
    // The child really runs in that zone (otherwise this test proves nothing).
    const probe = await run(['-p', "new Date('2026-03-01T23:30:00+08:00').getTimezoneOffset()"], tz)
    assert.equal(probe.stdout.trim(), String(offsetOn20260301), probe.stderr)

    const r = await run(['--import', 'tsx', '--test', '--test-reporter=tap', ...files], tz)
    const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(r.stdout)?.[1] ?? NaN)
    const failed = r.stdout.split('\n').filter((l) => /^\s*not ok /.test(l))
    assert.equal(r.code, 0, `exit code ${r.code}; failures:\n${failed.join('\n')}\n${r.stderr.slice(-2000)}`)
    assert.equal(count('fail'), 0)
    assert.ok(count('pass') >= 50, `expected the whole suite to run, got ${count('pass')} passing tests`)
  })
}
