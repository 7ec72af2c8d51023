import type { FastifyPluginAsync } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Services } from '../services'

/** A route module: a Fastify plugin typed by the shared contract, given the services. */
export type RoutePlugin = FastifyPluginAsync<{ services: Services }, import('fastify').RawServerDefault, TypeBoxTypeProvider>
