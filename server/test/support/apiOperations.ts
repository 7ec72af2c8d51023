import type { FastifyInstance } from 'fastify'

/** Every operation of the OpenAPI document the app serves, as `METHOD /path/{param}` (no trailing slash). */
export async function apiOperations(app: FastifyInstance): Promise<string[]> {
  const spec = (await app.inject({ url: '/api/openapi.json' })).json()
  const operations: string[] = []
  for (const [path, ops] of Object.entries<Record<string, unknown>>(spec.paths)) {
    for (const method of Object.keys(ops)) operations.push(`${method.toUpperCase()} ${path.length > 1 ? path.replace(/\/$/, '') : path}`)
  }
  return operations
}
