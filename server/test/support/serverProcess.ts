/**
 * The API as production runs it: `server/src/main.ts` in its own Node process
 * on a real PostgreSQL, configured by environment, reached over loopback HTTP.
 * For what app.inject cannot show: kill -9 in the middle of a burst, several
 * instances on one database, memory over minutes.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { LightMyRequestResponse } from 'fastify'
import { startSmsSimulator, type SmsSimulator } from '../../../mock/sms/simulator'
import { startWechatSimulator, type WechatSimulator } from '../../../mock/wechat/simulator'
import { startWechatPaySimulator, type WechatPaySimulator } from '../../../mock/wechatpay/simulator'
import { credentials, payCredentials, simulatorEnv, type TestApp } from '../testApp'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** A port free right now on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

export interface ServerProcess {
  url: string
  pid: number
  child: ChildProcess
  /** Everything it wrote so far (stdout and stderr). */
  output(): string
  /** SIGKILL: no shutdown hook runs, open transactions are cut off. */
  kill9(): Promise<void>
  /** SIGTERM: the graceful stop `main.ts` installs. */
  stop(): Promise<void>
}

/**
 * Starts `main.ts` with the given settings (DATABASE_URL, DATA_DIR, …) on a free port; resolves once it listens.
 * `nodeArgs` go to node before the script (e.g. `--trace-gc`, which NODE_OPTIONS does not accept).
 */
export async function startServerProcess(env: Record<string, string>, { timeoutMs = 60_000, nodeArgs = [] as string[] } = {}): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort()
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited before listening:\n${output}`)
    const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false)
    if (up) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not answer /api/health within ${timeoutMs} ms:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name)
    await exited
  }
  return { url, pid: child.pid!, child, output: () => output, kill9: () => signal('SIGKILL'), stop: () => signal('SIGTERM') }
}

/** The WeChat, SMS and WeChat Pay simulators, and the settings pointing a server process at them. */
export interface Simulators {
  wechat: WechatSimulator
  sms: SmsSimulator
  pay: WechatPaySimulator
  /** Server settings; WeChat Pay notifications go to `notifyBase` (a server or the proxy in front). */
  env(notifyBase: string): Record<string, string>
  close(): Promise<void>
}

/** `smsTemplates`: SMS template codes the simulator knows besides the sign-in one (code → text with ${var}s). */
export async function startSimulators({ smsTemplates = {} }: { smsTemplates?: Record<string, string> } = {}): Promise<Simulators> {
  const [wechat, sms, pay] = await Promise.all([
    startWechatSimulator({ appId: credentials.appId, appSecret: credentials.appSecret }),
    startSmsSimulator({ accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret, templates: smsTemplates }),
    startWechatPaySimulator({ retryDelaysMs: [200, 500, 1000, 2000], ...payCredentials }),
  ])
  return {
    wechat,
    sms,
    pay,
    env: (notifyBase) => ({ ...simulatorEnv(wechat, sms, pay), WECHATPAY_NOTIFY_URL: `${notifyBase}/api/payments/wechat/notify` }),
    async close() {
      await Promise.all([wechat.close(), sms.close(), pay.close()])
    },
  }
}

/** A response shaped like app.inject's, from a real HTTP exchange. */
function injectResponse(status: number, headers: Headers, body: Buffer): LightMyRequestResponse {
  const text = body.toString('utf8')
  return {
    statusCode: status,
    headers: Object.fromEntries(headers),
    body: text,
    rawPayload: body,
    payload: text,
    json: () => JSON.parse(text),
  } as unknown as LightMyRequestResponse
}

interface InjectOptions {
  method?: string
  url: string
  headers?: Record<string, string>
  payload?: unknown
}

/**
 * The test helpers (`*Helpers.ts`, `signInByPhone`) drive `t.app.inject` and
 * read codes from `t.sms`; this gives them the same shape over real HTTP to
 * `baseUrl`. Only `app.inject`, `sms`, `wechat` and `pay` are there — helpers
 * that reach into `t.db` need the database itself.
 */
export function httpTestApp(baseUrl: string, sims: Pick<Simulators, 'wechat' | 'sms' | 'pay'>, options: HttpTestAppOptions = {}): TestApp {
  const send = async ({ method = 'GET', url, headers = {}, payload }: InjectOptions): Promise<LightMyRequestResponse> => {
    const sendHeaders: Record<string, string> = { ...options.headers, ...headers }
    let body: Buffer | string | undefined
    if (payload === undefined) body = undefined
    else if (Buffer.isBuffer(payload) || typeof payload === 'string') body = payload
    else {
      body = JSON.stringify(payload)
      if (!Object.keys(sendHeaders).some((h) => h.toLowerCase() === 'content-type')) sendHeaders['content-type'] = 'application/json'
    }
    const res = await fetch(`${baseUrl}${url}`, { method, headers: sendHeaders, body, redirect: 'manual' })
    return injectResponse(res.status, res.headers, Buffer.from(await res.arrayBuffer()))
  }
  const { observe } = options
  const inject = !observe
    ? send
    : async (request: InjectOptions): Promise<LightMyRequestResponse> => {
        const started = performance.now()
        try {
          const res = await send(request)
          observe({ method: request.method ?? 'GET', url: request.url, status: res.statusCode, ms: performance.now() - started, body: res.body })
          return res
        } catch (error) {
          observe({ method: request.method ?? 'GET', url: request.url, status: 0, ms: performance.now() - started, error })
          throw error
        }
      }
  return { app: { inject }, ...sims } as unknown as TestApp
}

/** One HTTP exchange as `httpTestApp` saw it; status 0 = no answer (network error, in `error`). */
export interface HttpExchange {
  method: string
  url: string
  status: number
  ms: number
  body?: string
  error?: unknown
}

export interface HttpTestAppOptions {
  /** Sent with every request (under the request's own headers), e.g. X-Forwarded-For for one simulated client. */
  headers?: Record<string, string>
  /** Called after every exchange, answered or not (load scripts count and time them). */
  observe?: (exchange: HttpExchange) => void
}
