/** `npx tsx bench/run.ts`: every figure recorded in bench/README.md, in one run. */
import pg from 'pg'
import { printSizes } from './sizes'
import { measureCatalogThroughput } from './catalogThroughput'

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

printSizes()
await measureCatalogThroughput('pglite')
if (await postgresReachable()) await measureCatalogThroughput('postgres')
else console.log(`PostgreSQL not reachable at ${postgresUrl}: skipped`)
