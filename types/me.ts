import { Type, type Static } from 'typebox'

/** PUT /api/me/real-name — declared identity; the checksum is checked, the person is not verified. */
export const RealNameRequest = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 30, pattern: '^[\\u4e00-\\u9fa5·]{2,30}$' }),
    idNumber: Type.String({ minLength: 1, maxLength: 20, description: '18-digit resident ID; checked by checkResidentId' }),
  },
  { additionalProperties: false },
)
export type RealNameRequest = Static<typeof RealNameRequest>
