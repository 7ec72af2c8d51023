/**
 * What the embedded database does not guarantee, said once for everything
 * that starts it (`npm start`, the server's own start-up log): PGlite runs in
 * one process without fsync, so a process crash keeps acknowledged writes but
 * a crash of the machine (power loss, kernel panic) can lose the latest ones.
 * Server README, "Crash safety and what the embedded database guarantees".
 */
export const EMBEDDED_DATABASE_WARNING =
  'runs without fsync: a crash of the machine can lose the latest writes; set DATABASE_URL to PostgreSQL in production'

/** The start-up line naming the embedded database's folder. */
export const embeddedDatabaseNotice = (folder: string) => `embedded PGlite in ${folder} — ${EMBEDDED_DATABASE_WARNING}`
