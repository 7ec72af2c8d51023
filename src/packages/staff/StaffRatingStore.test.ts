import { apiError, testStore } from '../../testing/fakeApi'
import { fakeStaffRatingsApi, RATING_ID, ratingStatistics, staffBadRating } from '../../testing/ratings'
import { staffRatingsOf } from './StaffRatingStore'

function setup() {
  const { store } = testStore()
  const client = fakeStaffRatingsApi()
  return { client, ratings: staffRatingsOf(store, client) }
}

const page = (items: unknown[]) => ({ items, page: 1, pageSize: 20, total: items.length })

describe('the department’s 差评', () => {
  it('lists open ones by default with the light filter, in the server’s order', async () => {
    const { client, ratings } = setup()
    client.list.mockResolvedValue(page([staffBadRating()]))
    await ratings.list.reload()
    expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, light: undefined, open: true })
    await ratings.setFilters({ light: 'red', open: false })
    expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, light: 'red', open: undefined })
  })

  it('lists appeals waiting for a decision', async () => {
    const { client, ratings } = setup()
    client.list.mockResolvedValue(page([staffBadRating({ appealStatus: 'pending' })]))
    await ratings.appeals.reload()
    expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, appealStatus: 'pending' })
  })
})

describe('the loop', () => {
  it('verifies, then rectifies with a reply; the list row follows the server’s answer', async () => {
    const { client, ratings } = setup()
    client.list.mockResolvedValue(page([staffBadRating()]))
    await ratings.list.reload()
    client.verify.mockResolvedValue(staffBadRating({ status: 'verified', allowedActions: ['rectify', 'appeal'] }))
    expect(await ratings.verify(RATING_ID, ' 属实，窗口排队过长 ')).toEqual({})
    expect(client.verify).toHaveBeenCalledWith(RATING_ID, { note: '属实，窗口排队过长' })
    expect(ratings.list.items[0].status).toBe('verified')

    client.rectify.mockResolvedValue(staffBadRating({ status: 'rectified', allowedActions: [] }))
    expect(await ratings.rectify(RATING_ID, '增开窗口', '已增开一个窗口，感谢您的监督')).toEqual({})
    expect(client.rectify).toHaveBeenCalledWith(RATING_ID, { measures: '增开窗口', reply: '已增开一个窗口，感谢您的监督' })
    expect(ratings.ratingById(RATING_ID)?.status).toBe('rectified')
    expect(ratings.list.items[0].status).toBe('rectified')
  })

  it('refuses a short reply or evidence beside the field before sending', async () => {
    const { client, ratings } = setup()
    expect(await ratings.rectify(RATING_ID, '改', '好的')).toEqual({
      measures: '请填写整改措施（至少2个字）',
      reply: '请填写给群众的回复（至少5个字）',
    })
    expect(await ratings.appeal(RATING_ID, '恶意差评')).toEqual({ evidence: '请填写申诉理由与证据说明（至少10个字）' })
    expect(await ratings.verify(RATING_ID, ' ')).toEqual({ note: '请填写核实情况（至少2个字）' })
    expect(client.rectify).not.toHaveBeenCalled()
    expect(client.appeal).not.toHaveBeenCalled()
    expect(client.verify).not.toHaveBeenCalled()
  })

  it('shows the server’s refusal beside the field it names, or for the form', async () => {
    const { client, ratings } = setup()
    client.rectify.mockRejectedValueOnce(apiError(400, '回复内容不能少于5个字', 'reply'))
    expect(await ratings.rectify(RATING_ID, '增开窗口', '已经处理好了')).toEqual({ reply: '回复内容不能少于5个字' })
    client.appeal.mockRejectedValueOnce(apiError(409, '该差评已有申诉待裁定'))
    expect(await ratings.appeal(RATING_ID, '该评价人多次恶意差评，有录像为证')).toEqual({ form: '该差评已有申诉待裁定' })
  })

  it('an admin’s decision takes the appeal off the waiting list', async () => {
    const { client, ratings } = setup()
    client.list.mockResolvedValue(page([staffBadRating({ appealStatus: 'pending' })]))
    await ratings.appeals.reload()
    client.decideAppeal.mockResolvedValue(staffBadRating({ status: 'excluded', appealStatus: 'upheld' }))
    expect(await ratings.decideAppeal(RATING_ID, 'upheld', '证据充分')).toEqual({})
    expect(client.decideAppeal).toHaveBeenCalledWith(RATING_ID, { decision: 'upheld', comment: '证据充分' })
    expect(ratings.appeals.items).toEqual([])
    client.decideAppeal.mockRejectedValue(apiError(403, '只有系统管理员可以裁定申诉'))
    expect(await ratings.decideAppeal(RATING_ID, 'rejected', '证据不足')).toEqual({ form: '只有系统管理员可以裁定申诉' })
  })
})

describe('statistics', () => {
  it('loads by month, then by week when asked; a window clerk sees the server’s refusal', async () => {
    const { client, ratings } = setup()
    client.statistics.mockResolvedValueOnce(ratingStatistics())
    await ratings.loadStatistics()
    expect(client.statistics).toHaveBeenLastCalledWith({ granularity: 'month' })
    expect(ratings.statistics?.total).toBe(20)
    client.statistics.mockResolvedValueOnce(ratingStatistics())
    await ratings.setGranularity('week')
    expect(client.statistics).toHaveBeenLastCalledWith({ granularity: 'week' })
    client.statistics.mockRejectedValueOnce(apiError(403, '只有部门负责人和管理员可以查看统计'))
    await ratings.loadStatistics()
    expect(ratings.statisticsStatus).toBe('error')
    expect(ratings.statisticsError).toBe('只有部门负责人和管理员可以查看统计')
  })
})
