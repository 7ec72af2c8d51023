/**
 * `npm start`: the whole product on this machine — the WeChat and SMS
 * simulators, the platform API on embedded PGlite with the demo city, and the
 * city app (H5) — then prints where to open it.
 */
import { execSync } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '../server/src/config'
import { startServer } from '../server/src/server'
import { embeddedDatabaseNotice } from '../server/src/db/embedded/durability'
import { startSmsSimulator } from '../mock/sms/simulator'
import { startWechatSimulator } from '../mock/wechat/simulator'
import { startWechatPaySimulator } from '../mock/wechatpay/simulator'
import { demoSmsTemplates, demoSubscribeTemplates, demoTemplateSettings } from '../mock/demoNotifications'
import { DEMO_PASSWORD, staff } from '../mock/seed/staff'
import { startH5Server } from './h5Server'

const root = fileURLToPath(new URL('..', import.meta.url))
const h5Dist = join(root, 'dist/h5')

/** Newest modification time under a folder, to rebuild the app only when its sources changed. */
function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return latest
}

function buildH5IfStale(): void {
  const built = existsSync(join(h5Dist, 'index.html')) ? statSync(join(h5Dist, 'index.html')).mtimeMs : 0
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'config')), newest(join(root, 'types')))
  if (built > sources) return
  console.log('Building the city app (H5)…')
  execSync('npm run build:h5', { cwd: root, stdio: 'inherit' })
}

const H5_PORT = 10086

async function main(): Promise<void> {
  const dev = { appId: 'wxdemo0000000000', appSecret: 'demo-wechat-secret', accessKeyId: 'demo-sms-key', accessKeySecret: 'demo-sms-secret' }
  buildH5IfStale()
  const wechat = await startWechatSimulator({ appId: dev.appId, appSecret: dev.appSecret, port: 8788, subscribeTemplates: demoSubscribeTemplates })
  const sms = await startSmsSimulator({ accessKeyId: dev.accessKeyId, accessKeySecret: dev.accessKeySecret, port: 8789, templates: demoSmsTemplates })
  // WeChat Pay: a merchant key pair made for this run only; the simulator makes its own platform key.
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const payDev = { mchId: '1900000109', apiV3Key: randomBytes(16).toString('hex'), merchantSerial: randomBytes(20).toString('hex').toUpperCase() }
  const pay = await startWechatPaySimulator({ ...payDev, appIds: [dev.appId], merchantPublicKey: merchant.publicKey, port: 8790 })
  const apiOrigin = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '8787'}`
  const config = loadConfig({
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    WECHAT_API_BASE: wechat.url,
    WECHAT_APPID: dev.appId,
    WECHAT_SECRET: dev.appSecret,
    SMS_ENDPOINT: sms.url,
    SMS_ACCESS_KEY_ID: dev.accessKeyId,
    SMS_ACCESS_KEY_SECRET: dev.accessKeySecret,
    WECHATPAY_API_BASE: pay.url,
    WECHATPAY_MCHID: payDev.mchId,
    WECHATPAY_APPID: dev.appId,
    WECHATPAY_API_V3_KEY: payDev.apiV3Key,
    WECHATPAY_MERCHANT_SERIAL: payDev.merchantSerial,
    WECHATPAY_PRIVATE_KEY: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    WECHATPAY_PUBLIC_KEY_ID: pay.platformKeyId,
    WECHATPAY_PUBLIC_KEY: pay.platformPublicKeyPem,
    WECHATPAY_NOTIFY_URL: `${apiOrigin}/api/payments/wechat/notify`,
    // The H5 cashier returns into the app's payment result page.
    PAYMENT_H5_RETURN_BASE: `http://127.0.0.1:${H5_PORT}/#`,
    ...demoTemplateSettings,
    ...process.env,
  })
  const api = await startServer(config)
  const h5 = await startH5Server({ root: h5Dist, apiUrl: api.url, port: H5_PORT })

  console.log(`
跑一次 is running.
  City app (H5):      ${h5.url}   (open at a phone size, e.g. Chrome DevTools device mode)
  Platform API:       ${api.url}/api/health
  API docs (Swagger): ${api.url}/api/docs
  SMS outbox:         ${sms.url}/__sim/outbox   (sign-in codes and notifications sent to any phone land here)
  WeChat simulator:   ${wechat.url}
  WeChat Pay sim:     ${pay.url}/__sim/orders   (orders; the H5 cashier pays without money)
  Database:           ${
    config.DATABASE_URL
      ? 'PostgreSQL (DATABASE_URL)'
      : embeddedDatabaseNotice(join(config.DATA_DIR, 'pglite'))
  }
  Mini-program:       npm run build:weapp, then open this folder in WeChat DevTools

Demo staff accounts (password ${DEMO_PASSWORD}):
${staff.map((s) => `  ${s.username.padEnd(14)} ${s.displayName}`).join('\n')}

Press Ctrl+C to stop.`)

  const stop = async () => {
    await h5.close()
    await api.close()
    await Promise.all([wechat.close(), sms.close(), pay.close()])
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
