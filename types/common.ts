import { Type, type Static } from 'typebox'

/** Every 4xx/5xx body. `field` names the offending input when there is one. */
export const ApiError = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String({ description: 'A sentence the user can act on, in Chinese' }),
  field: Type.Optional(Type.String()),
})
export type ApiError = Static<typeof ApiError>

export const Uuid = Type.String({ format: 'uuid', description: 'Identifier' })

export const IdParams = Type.Object({ id: Uuid })
export type IdParams = Static<typeof IdParams>

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
}

export const PageInfo = {
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
}

/** Error responses every route may give, for OpenAPI. */
export const errorResponses = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
  429: ApiError,
}
