import { apiError, testStore } from '../../testing/fakeApi'
import { CASE_ID, fakeRatingsApi, RATING_ID, RE_RATING_ID, rateableItem, ratingDetail } from '../../testing/ratings'
import { ratingOf } from './RatingStore'
import { emptyDraft, LEVEL_MESSAGE, REASON_MESSAGE, validateRating } from './ratingDraft'

function setup() {
  const { store } = testStore()
  const client = fakeRatingsApi()
  return { store, client, rating: ratingOf(store, client) }
}

describe('one rating per case', () => {
  it('offers 评价 for a finished case the server lists, and no longer once it is rated', async () => {
    const { client, rating } = setup()
    client.rateable.mockResolvedValue({ items: [rateableItem()] })
    await rating.loadRateable()
    const item = rating.rateableCase(CASE_ID)
    expect(item).toBeDefined()
    expect(rating.rateableCase('another-case')).toBeUndefined()

    client.create.mockResolvedValue(ratingDetail({ level: 'satisfied', bad: false, badStatus: null, tags: [] }))
    const outcome = await rating.submit(item!, { ...emptyDraft(), level: 'satisfied' }, 'mobile')
    expect(outcome.ok).toBe(true)
    expect(client.create).toHaveBeenCalledWith({
      caseId: CASE_ID,
      channel: 'mobile',
      level: 'satisfied',
      scores: { overall: 4 },
      tags: [],
      text: '',
    })
    expect(rating.rateableCase(CASE_ID)).toBeUndefined()
    expect(rating.ratingById(RATING_ID)?.level).toBe('satisfied')
  })

  it('shows the server’s 409 and asks again what may be rated', async () => {
    const { client, rating } = setup()
    client.rateable.mockResolvedValueOnce({ items: [rateableItem()] })
    await rating.loadRateable()
    client.create.mockRejectedValue(apiError(409, '该办件已评价，不能重复评价'))
    client.rateable.mockResolvedValueOnce({ items: [] })
    const outcome = await rating.submit(rating.rateableCase(CASE_ID)!, { ...emptyDraft(), level: 'verySatisfied' }, 'mobile')
    expect(outcome).toEqual({ ok: false, errors: { form: '该办件已评价，不能重复评价' } })
    await Promise.resolve()
    expect(client.rateable).toHaveBeenCalledTimes(2)
    await new Promise((r) => setTimeout(r, 0))
    expect(rating.rateableCase(CASE_ID)).toBeUndefined()
  })

  it('sends only the scores of the target’s dimension', async () => {
    const { client, rating } = setup()
    client.create.mockResolvedValue(ratingDetail())
    const item = rateableItem()
    await rating.submit(
      item,
      { level: 'verySatisfied', scores: { overall: 5, attitude: 5, usability: 3, competence: 4 }, tags: ['fast', 'slow'], text: ' 很好 ' },
      'pc',
    )
    expect(client.create).toHaveBeenCalledWith({
      caseId: CASE_ID,
      channel: 'pc',
      level: 'verySatisfied',
      scores: { overall: 5, competence: 4, attitude: 5 },
      tags: ['fast'],
      text: '很好',
    })
  })
})

describe('a 差评 needs content', () => {
  it('refuses no level and a 差评 without a reason before any request', async () => {
    const { client, rating } = setup()
    const item = rateableItem()
    expect(await rating.submit(item, emptyDraft(), 'mobile')).toEqual({ ok: false, errors: { level: LEVEL_MESSAGE } })
    expect(await rating.submit(item, { ...emptyDraft(), level: 'veryDissatisfied', tags: ['fast'], text: '差' }, 'mobile')).toEqual({
      ok: false,
      errors: { reason: REASON_MESSAGE },
    })
    expect(client.create).not.toHaveBeenCalled()
  })

  it('accepts a 差评 with a reason tag, or with text of five characters', () => {
    expect(validateRating({ ...emptyDraft(), level: 'dissatisfied', tags: ['slow'] })).toEqual({})
    expect(validateRating({ ...emptyDraft(), level: 'dissatisfied', text: '  窗口让我跑了三次  ' })).toEqual({})
    expect(validateRating({ ...emptyDraft(), level: 'dissatisfied', text: '太慢了 ' })).toEqual({ reason: REASON_MESSAGE })
    expect(validateRating({ ...emptyDraft(), level: 'basicallySatisfied' })).toEqual({})
  })

  it('puts the server’s refusal of the reason beside the reasons', async () => {
    const { client, rating } = setup()
    client.create.mockRejectedValue(apiError(400, '差评请选择原因或填写说明', 'text'))
    const outcome = await rating.submit(rateableItem(), { ...emptyDraft(), level: 'dissatisfied', tags: ['slow'] }, 'mobile')
    expect(outcome).toEqual({ ok: false, errors: { reason: '差评请选择原因或填写说明' } })
  })
})

describe('re-rating after rectification', () => {
  it('shows the reply, then rates again once and the old rating is no longer re-rateable', async () => {
    const { client, rating } = setup()
    const reply = { text: '已对窗口人员进行培训，感谢监督', at: '2026-11-23T03:00:00.000Z', departmentName: '玉门市市场监督管理局' }
    client.get.mockResolvedValue(ratingDetail({ badStatus: 'rectified', reply, canRateAgain: true }))
    await rating.loadRating(RATING_ID)
    expect(rating.ratingById(RATING_ID)?.reply?.text).toBe(reply.text)
    expect(rating.ratingById(RATING_ID)?.canRateAgain).toBe(true)

    client.rateable.mockResolvedValue({ items: [rateableItem({ reRate: true, previousRatingId: RATING_ID, defaultsOn: null })] })
    await rating.loadRateable()
    const again = rating.rateableCase(CASE_ID)!
    expect(again.reRate).toBe(true)
    client.create.mockResolvedValue(ratingDetail({ id: RE_RATING_ID, round: 2, level: 'satisfied', bad: false, badStatus: null, previousRatingId: RATING_ID }))
    const outcome = await rating.submit(again, { ...emptyDraft(), level: 'satisfied' }, 'mobile')
    expect(outcome.ok && outcome.rating.round).toBe(2)
    expect(rating.ratingById(RATING_ID)?.canRateAgain).toBe(false)
    expect(rating.rateableCase(CASE_ID)).toBeUndefined()
  })
})

describe('anonymous rating by the receipt', () => {
  const code = { number: ' BJ20261122000001 ', password: ' 123456 ' }
  const target = {
    caseNumber: 'BJ20261122000001',
    matterName: '个体工商户设立登记',
    departmentName: '玉门市市场监督管理局',
    dimension: 'inPerson' as const,
    canRate: true,
    reRate: false,
    reason: null,
    reply: null,
  }

  it('checks the receipt, then rates with the channel it was opened by', async () => {
    const { client, rating } = setup()
    client.checkAnonymous.mockResolvedValue(target)
    expect(await rating.checkAnonymous(code, 'qrCode')).toBe(true)
    expect(client.checkAnonymous).toHaveBeenCalledWith({ number: 'BJ20261122000001', password: '123456' })
    client.createAnonymous.mockResolvedValue({ caseNumber: target.caseNumber, level: 'veryDissatisfied', round: 1, createdAt: '2026-11-22T03:00:00.000Z' })
    const outcome = await rating.submitAnonymous({ ...emptyDraft(), level: 'veryDissatisfied', tags: ['repeatedTrips'] })
    expect(outcome.ok).toBe(true)
    expect(client.createAnonymous).toHaveBeenCalledWith({
      number: 'BJ20261122000001',
      password: '123456',
      channel: 'qrCode',
      level: 'veryDissatisfied',
      scores: { overall: 1 },
      tags: ['repeatedTrips'],
      text: '',
    })
    expect(rating.anonymous?.target.canRate).toBe(false)
  })

  it('shows a wrong password as the server says it, and sends nothing without both values', async () => {
    const { client, rating } = setup()
    expect(await rating.checkAnonymous({ number: '', password: '1' }, 'mobile')).toBe(false)
    expect(client.checkAnonymous).not.toHaveBeenCalled()
    client.checkAnonymous.mockRejectedValue(apiError(404, '办件编号或查询密码不正确'))
    expect(await rating.checkAnonymous(code, 'mobile')).toBe(false)
    expect(rating.anonymousError).toBe('办件编号或查询密码不正确')
    expect(rating.anonymous).toBeNull()
  })

  it('a 差评 by receipt needs a reason too', async () => {
    const { client, rating } = setup()
    client.checkAnonymous.mockResolvedValue(target)
    await rating.checkAnonymous(code, 'mobile')
    expect(await rating.submitAnonymous({ ...emptyDraft(), level: 'dissatisfied' })).toEqual({ ok: false, errors: { reason: REASON_MESSAGE } })
    expect(client.createAnonymous).not.toHaveBeenCalled()
  })
})

it('forgets the signed-in citizen’s list on reset (RootStore calls it when the session changes)', async () => {
  const { client, rating } = setup()
  client.rateable.mockResolvedValue({ items: [rateableItem()] })
  await rating.loadRateable()
  rating.reset()
  expect(rating.rateable).toEqual([])
})
