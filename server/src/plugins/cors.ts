import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config'

/** The CORS_ORIGINS setting as a list of origins. */
export function corsOrigins(config: Pick<Config, 'CORS_ORIGINS'>): string[] {
  return config.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
}

/**
 * Cross-origin calls only from the configured origins (CORS_ORIGINS). With
 * none configured nothing is registered: browsers then refuse every other
 * origin's call, and the city app, served from the API's own origin, needs none.
 * Sessions are bearer tokens, never cookies, so credentials stay off.
 */
export async function registerCors(app: FastifyInstance, config: Pick<Config, 'CORS_ORIGINS'>): Promise<void> {
  const origins = corsOrigins(config)
  if (origins.length === 0) return
  await app.register(cors, {
    origin: origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    credentials: false,
    maxAge: 600,
  })
}
