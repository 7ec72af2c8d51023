import { apiError, testStore } from '../../testing/fakeApi'
import { COMPLAINT_ID, DEPARTMENT_ID, fakeStaffComplaintsApi, staffComplaint } from '../../testing/complaints'
import { staffComplaintsOf } from './StaffComplaintStore'

function setup() {
  const { store } = testStore()
  const client = fakeStaffComplaintsApi()
  return { client, complaints: staffComplaintsOf(store, client) }
}

const page = (items: unknown[]) => ({ items, page: 1, pageSize: 20, total: items.length })
const REPLY = '经核实，已对窗口人员进行批评教育并加强培训'

describe('the queue', () => {
  it('lists open ones by default; a status or the light narrows it', async () => {
    const { client, complaints } = setup()
    client.list.mockResolvedValue(page([staffComplaint()]))
    await complaints.list.reload()
    expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, open: true, status: undefined, light: undefined })
    await complaints.setFilters({ scope: 'replied', light: 'red' })
    expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, open: undefined, status: 'replied', light: 'red' })
    await complaints.setFilters({ scope: 'all', light: null })
    expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, open: undefined, status: undefined, light: undefined })
  })
})

describe('the actions', () => {
  it('受理, then 答复; the row follows the server’s answer', async () => {
    const { client, complaints } = setup()
    client.list.mockResolvedValue(page([staffComplaint()]))
    await complaints.list.reload()
    client.act.mockResolvedValueOnce(staffComplaint({ status: 'processing', allowedActions: ['reply'] }))
    expect(await complaints.accept(COMPLAINT_ID)).toEqual({})
    expect(client.act).toHaveBeenLastCalledWith(COMPLAINT_ID, { action: 'accept' })
    expect(complaints.list.items[0].status).toBe('processing')
    client.act.mockResolvedValueOnce(staffComplaint({ status: 'replied', allowedActions: [], reply: { text: REPLY, at: '2026-11-23T01:00:00.000Z', by: '玉门市市场监督管理局' } }))
    expect(await complaints.reply(COMPLAINT_ID, ` ${REPLY} `)).toEqual({})
    expect(client.act).toHaveBeenLastCalledWith(COMPLAINT_ID, { action: 'reply', text: REPLY })
    expect(complaints.complaintById(COMPLAINT_ID)?.reply?.text).toBe(REPLY)
  })

  it('refuses a short reply or no department beside the field before sending', async () => {
    const { client, complaints } = setup()
    expect(await complaints.reply(COMPLAINT_ID, '已处理')).toEqual({ text: '请填写答复内容（至少10个字）' })
    expect(await complaints.assign(COMPLAINT_ID, null)).toEqual({ department: '请选择承办部门' })
    expect(client.act).not.toHaveBeenCalled()
  })

  it('shows the server’s refusal beside the field it names, or for the form (and reloads on 409)', async () => {
    const { client, complaints } = setup()
    client.act.mockRejectedValueOnce(apiError(400, '答复内容不能少于10个字', 'text'))
    expect(await complaints.reply(COMPLAINT_ID, REPLY)).toEqual({ text: '答复内容不能少于10个字' })
    client.act.mockRejectedValueOnce(apiError(409, '已答复，不能再受理'))
    client.get.mockResolvedValueOnce(staffComplaint({ status: 'replied', allowedActions: [] }))
    expect(await complaints.accept(COMPLAINT_ID)).toEqual({ form: '已答复，不能再受理' })
    expect(client.get).toHaveBeenCalledWith(COMPLAINT_ID)
    client.act.mockResolvedValueOnce(staffComplaint({ department: { id: DEPARTMENT_ID, name: '玉门市人力资源和社会保障局' } }))
    expect(await complaints.assign(COMPLAINT_ID, DEPARTMENT_ID)).toEqual({})
    expect(client.act).toHaveBeenLastCalledWith(COMPLAINT_ID, { action: 'assign', departmentId: DEPARTMENT_ID })
  })
})
