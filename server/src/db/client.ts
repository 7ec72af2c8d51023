import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import * as schema from './schema'
import { startEmbeddedDatabase } from './embedded/startEmbedded'

export type Db = NodePgDatabase<typeof schema>
/** A transaction handle; pass it down so every query of a unit runs on one connection. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export interface Database {
  db: Db
  pool: pg.Pool
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; when absent, PGlite runs embedded in `dataDir`. */
  url?: string
  dataDir: string
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 20 })
    return wrap(pool, 'postgres', async () => {})
  }
  const embedded = await startEmbeddedDatabase(options.dataDir)
  // One connection: PGlite runs one query at a time anyway, and pglite-socket
  // mixes up the replies of transactions interleaved on several connections
  // ("portal does not exist", empty results). Queries queue in the pool instead;
  // code inside a transaction must use its `tx`, never the pool.
  const pool = new pg.Pool({ ...embedded.connection, max: 1 })
  return wrap(pool, 'pglite', embedded.stop)
}

function wrap(pool: pg.Pool, kind: Database['kind'], stopServer: () => Promise<void>): Database {
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {})
  // Nor one checked out between two queries (inside a transaction, while the app awaits): pg-pool listens
  // only to idle clients, and an 'error' event nobody listens to kills the process (seen in the soak when
  // the backend was terminated). The query running or next sent still fails; the pool drops the client.
  pool.on('connect', (client) => client.on('error', () => {}))
  return {
    db: drizzle(pool, { schema }),
    pool,
    kind,
    async close() {
      await pool.end()
      await stopServer()
    },
  }
}
