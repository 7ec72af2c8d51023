/**
 * A request that blocks the event loop (an endless loop, a regex gone
 * exponential) would hang the test run forever: no timer fires any more. A
 * worker thread watches a heartbeat the main thread beats; when it stops for
 * too long, the worker writes the request in flight to stderr and kills the
 * process, so the test file fails instead of hanging.
 */
import { Worker } from 'node:worker_threads'

const WORKER = `
const { workerData } = require('node:worker_threads')
const { writeSync } = require('node:fs')
const beat = new Int32Array(workerData.shared, 0, 1)
const length = new Int32Array(workerData.shared, 4, 1)
const text = new Uint8Array(workerData.shared, 8)
const wait = new Int32Array(new SharedArrayBuffer(4))
let last = Atomics.load(beat, 0)
let since = Date.now()
for (;;) {
  Atomics.wait(wait, 0, 0, 500)
  const now = Atomics.load(beat, 0)
  if (now !== last) { last = now; since = Date.now(); continue }
  if (Date.now() - since > workerData.limitMs) {
    const doing = Buffer.from(text.slice(0, Atomics.load(length, 0))).toString('utf8')
    writeSync(2, '\\nfuzz: the event loop has been blocked for ' + workerData.limitMs + ' ms by\\n' + doing + '\\n')
    process.kill(process.pid, 'SIGKILL')
  }
}
`

export interface Watchdog {
  /** What is running now, reported if the process hangs. */
  doing(description: string): void
  stop(): Promise<void>
}

export function startWatchdog(limitMs: number): Watchdog {
  const shared = new SharedArrayBuffer(8 + 4096)
  const beat = new Int32Array(shared, 0, 1)
  const length = new Int32Array(shared, 4, 1)
  const text = new Uint8Array(shared, 8)
  const worker = new Worker(WORKER, { eval: true, workerData: { shared, limitMs } })
  worker.unref()
  const timer = setInterval(() => Atomics.add(beat, 0, 1), 200)
  timer.unref()
  return {
    doing(description) {
      const bytes = Buffer.from(description, 'utf8').subarray(0, text.length)
      text.set(bytes)
      Atomics.store(length, 0, bytes.length)
      Atomics.add(beat, 0, 1)
    },
    async stop() {
      clearInterval(timer)
      await worker.terminate()
    },
  }
}
