import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface EmbeddedDatabase {
  /** node-postgres connection settings for the Unix socket. */
  connection: { host: string; port: number; user: string; database: string }
  stop(): Promise<void>
}

const childPath = fileURLToPath(new URL('./pgliteProcess.ts', import.meta.url))

/** Starts PGlite in a child process; `dataDir` 'memory://' gives a throwaway database. */
export function startEmbeddedDatabase(dataDir: string, timeoutMs = 60_000): Promise<EmbeddedDatabase> {
  // Short path: Unix socket paths are limited to ~107 bytes.
  const socketDir = mkdtempSync(join(tmpdir(), 'pyc-pg-'))
  const child = fork(childPath, [dataDir, socketDir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const cleanup = () => rmSync(socketDir, { recursive: true, force: true })

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      cleanup()
      reject(new Error(`Embedded database did not start within ${timeoutMs} ms`))
    }, timeoutMs)
    const onExit = (code: number | null) => {
      clearTimeout(timer)
      cleanup()
      reject(new Error(`Embedded database exited during start (code ${code})`))
    }
    child.once('exit', onExit)
    child.once('message', (message: { ready?: true; error?: string }) => {
      if (message.error) {
        clearTimeout(timer)
        child.off('exit', onExit)
        child.once('exit', cleanup)
        reject(new Error(message.error))
        return
      }
      clearTimeout(timer)
      child.off('exit', onExit)
      resolve({
        connection: { host: socketDir, port: 5432, user: 'postgres', database: 'postgres' },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) {
              cleanup()
              return done()
            }
            child.once('exit', () => {
              cleanup()
              done()
            })
            child.kill('SIGTERM')
          }),
      })
    })
  })
}
