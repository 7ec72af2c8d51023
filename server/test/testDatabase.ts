/**
 * A fresh, migrated and seeded database per test file, on the engine chosen by
 * TEST_DATABASE: 'pglite' (default) or 'postgres' (TEST_DATABASE_URL, default
 * the local server at 127.0.0.1:5432). PGlite's initdb costs seconds, so a
 * seeded data folder is built once and copied for each file.
 */
import { createHash, randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { openDatabase, type Database } from '../src/db/client'
import { migrateDatabase } from '../src/db/migrate'
import { seedDemoCity } from '../src/db/seed/seedDemoCity'
import { LocalFileStorage } from '../src/services/documents/fileStorage'
import { demoCity } from '../../mock/seed/city'

export interface TestDatabase {
  database: Database
  storage: LocalFileStorage
  /** PostgreSQL only: the connection URL, for server processes started on this database. */
  url?: string
  close(): Promise<void>
}

export const testEngine = (process.env.TEST_DATABASE ?? 'pglite') as 'pglite' | 'postgres'
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const serverRoot = fileURLToPath(new URL('..', import.meta.url))

/** Changes to migrations or seed data make a new template. */
function templateKey(): string {
  const hash = createHash('sha256')
  const migrations = join(serverRoot, 'src/db/migrations')
  for (const f of readdirSync(migrations, { recursive: true }).map(String).sort()) {
    if (f.endsWith('.sql') || f.endsWith('.json')) hash.update(f).update(readFileSync(join(migrations, f)))
  }
  hash.update(JSON.stringify(demoCity))
  return hash.digest('hex').slice(0, 16)
}

async function pgliteTemplate(): Promise<string> {
  const cacheDir = join(serverRoot, '.test-cache')
  const template = join(cacheDir, `pglite-${templateKey()}`)
  if (existsSync(template)) return template
  const building = `${template}.${randomBytes(4).toString('hex')}.building`
  const database = await openDatabase({ dataDir: join(building, 'pglite') })
  await migrateDatabase(database)
  await seedDemoCity(database.db, new LocalFileStorage(join(building, 'files')), demoCity)
  await database.close()
  try {
    renameSync(building, template)
  } catch {
    rmSync(building, { recursive: true, force: true }) // another file built it first
  }
  return template
}

/** A fresh database of the engine (default: TEST_DATABASE); benches pass the engine they measure. */
export async function openTestDatabase(engine: 'pglite' | 'postgres' = testEngine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'pyc-test-'))
    cpSync(await pgliteTemplate(), dir, { recursive: true })
    const database = await openDatabase({ dataDir: join(dir, 'pglite') })
    return {
      database,
      storage: new LocalFileStorage(join(dir, 'files')),
      async close() {
        await database.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const name = `pyc_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: postgresUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(postgresUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ url: url.toString(), dataDir: '' })
  const dir = mkdtempSync(join(tmpdir(), 'pyc-test-'))
  const storage = new LocalFileStorage(join(dir, 'files'))
  await migrateDatabase(database)
  await seedDemoCity(database.db, storage, demoCity)
  return {
    database,
    storage,
    url: url.toString(),
    async close() {
      await database.close()
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
