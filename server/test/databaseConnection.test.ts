/** A database connection lost under the API fails the request it served, never the process. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'drizzle-orm'
import { startTestApp } from './testApp'
import { testEngine } from './testDatabase'

test(
  'a connection the database ends inside a transaction fails that transaction; the API keeps serving',
  { skip: testEngine !== 'postgres' && 'PostgreSQL only: ends a backend with pg_terminate_backend' },
  async () => {
    const t = await startTestApp()
    try {
      const { db, pool } = t.db.database
      await assert.rejects(
        db.transaction(async (tx) => {
          const { rows } = await tx.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`)
          // As an administrator (or a failover) would: the checked-out connection gets an 'error' event.
          await pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid])
          await new Promise((resolve) => setTimeout(resolve, 300))
          await tx.execute(sql`SELECT 1`)
        }),
      )
      const health = await t.app.inject({ url: '/api/health' })
      assert.equal(health.statusCode, 200, health.body)
      const matters = await t.app.inject({ url: '/api/matters' })
      assert.equal(matters.statusCode, 200, matters.body)
    } finally {
      await t.close()
    }
  },
)
