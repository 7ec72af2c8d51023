/** `npx tsx bench/run.ts`: every figure recorded in bench/README.md, in one run. */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { measureCatalogThroughput } from './catalogThroughput'
import { measureCaseLookup } from './caseLookup'
import { measureBookingContention } from './bookingContention'
import { measurePhotoCompression } from './photoCompression'
import { measureUploadThroughput } from './uploadThroughput'

const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

console.log('## Package sizes (production builds)')
// Exit code 1 means a budget is exceeded; the figures are printed either way.
try {
  execFileSync(process.execPath, [fileURLToPath(new URL('./sizes.mjs', import.meta.url))], { stdio: 'inherit' })
} catch {
  console.log('  (a size budget is exceeded: see above)')
}
await measurePhotoCompression()
await measureCatalogThroughput('pglite')
await measureUploadThroughput()
if (await postgresReachable()) {
  await measureCatalogThroughput('postgres')
  await measureCaseLookup()
  await measureBookingContention()
  // Opt-in: the soak runs for minutes (BENCH_SOAK_SECONDS, default 300), in its own process.
  if (process.env.BENCH_SOAK === '1') {
    try {
      execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./soak.ts', import.meta.url))], { stdio: 'inherit' })
    } catch {
      console.log('  (the soak saw errors: see above)')
    }
  }
} else {
  console.log(`PostgreSQL not reachable at ${postgresUrl}: PostgreSQL figures skipped`)
}
