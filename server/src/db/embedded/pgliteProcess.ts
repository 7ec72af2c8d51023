/**
 * Child process that owns the embedded PGlite database and serves it over a
 * Unix socket with the PostgreSQL wire protocol. Running it here keeps its
 * queries (which block their thread) off the API's event loop, and lets the
 * API use node-postgres for PGlite and real PostgreSQL alike.
 *
 * argv: <dataDir | memory://> <socketDir>. Reports {ready} or {error} over IPC.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { acquireDataDirLock, type DataDirLock } from './dataDirLock'

const [dataDir, socketDir] = process.argv.slice(2)
const inMemory = dataDir === 'memory://'

function report(message: { ready: true } | { error: string }): void {
  process.send?.(message)
}

async function main(): Promise<void> {
  let lock: DataDirLock | null = null
  try {
    lock = inMemory ? null : acquireDataDirLock(dataDir)
  } catch (error) {
    report({ error: (error as Error).message })
    process.exit(3)
  }
  const db = await PGlite.create(inMemory ? undefined : dataDir)
  const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: 32 })
  await server.start()

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await server.stop().catch(() => {})
    await db.close().catch(() => {})
    lock?.release()
    // The API removes the socket folder when it sees this process exit; after a kill -9 of the API nobody else would.
    rmSync(socketDir, { recursive: true, force: true })
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  // The API process went away (even by SIGKILL): close the database cleanly.
  process.on('disconnect', stop)
  report({ ready: true })
}

main().catch((error) => {
  report({ error: `Embedded database failed to start: ${(error as Error).message}` })
  process.exit(1)
})
