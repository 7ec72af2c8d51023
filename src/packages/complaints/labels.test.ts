/**
 * typebox ships ESM that Jest cannot load here, so it is replaced by a stand-in
 * that keeps what the schemas say (properties, options): enough to read the
 * contract's labels and lengths.
 */
jest.mock('typebox', () => {
  const options = (args: unknown[]) => Object.assign({}, ...args.filter((a) => a && typeof a === 'object' && !Array.isArray(a)))
  const Type = new Proxy(
    {},
    {
      get: (_target, name) => (...args: unknown[]) => {
        if (name === 'Object') return { properties: args[0], ...options(args.slice(1)) }
        if (name === 'Optional') return args[0]
        if (name === 'Array') return { items: args[0], ...options(args.slice(1)) }
        return options(args)
      },
    },
  )
  return { Type }
})

import {
  COMPLAINT_ACTIONS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_KINDS,
  COMPLAINT_REPLY_DAYS,
  COMPLAINT_SATISFACTION,
  COMPLAINT_STATUSES,
  ComplaintActionRequest,
  CreateComplaintRequest,
  GOVERNMENT_HOTLINE,
  RateComplaintReplyRequest,
} from '../../../types/complaints'
import {
  ACTION_LABELS,
  CATEGORY_LABELS,
  COMMENT_MAX,
  CONTENT_MAX,
  CONTENT_MIN,
  HOTLINE,
  KIND_LABELS,
  PHOTO_MAX,
  REPLY_DAYS,
  REPLY_MAX,
  SATISFACTION_LABELS,
  STATUS_LABELS,
} from './labels'

it('copies the contract’s complaint labels exactly, in its order', () => {
  for (const [copy, contract] of [
    [KIND_LABELS, COMPLAINT_KINDS],
    [CATEGORY_LABELS, COMPLAINT_CATEGORIES],
    [STATUS_LABELS, COMPLAINT_STATUSES],
    [ACTION_LABELS, COMPLAINT_ACTIONS],
    [SATISFACTION_LABELS, COMPLAINT_SATISFACTION],
  ] as const) {
    expect(copy).toEqual(contract)
    expect(Object.keys(copy)).toEqual(Object.keys(contract))
  }
  expect(HOTLINE).toBe(GOVERNMENT_HOTLINE)
  expect(REPLY_DAYS).toBe(COMPLAINT_REPLY_DAYS)
})

it('checks the contract’s lengths', () => {
  const content = CreateComplaintRequest.properties.content as unknown as { minLength: number; maxLength: number }
  expect([CONTENT_MIN, CONTENT_MAX]).toEqual([content.minLength, content.maxLength])
  expect((CreateComplaintRequest.properties.photoIds as unknown as { maxItems: number }).maxItems).toBe(PHOTO_MAX)
  expect((ComplaintActionRequest.properties.text as unknown as { maxLength: number }).maxLength).toBe(REPLY_MAX)
  expect((RateComplaintReplyRequest.properties.comment as unknown as { maxLength: number }).maxLength).toBe(COMMENT_MAX)
})
