import { act, fireEvent, render, screen } from '@testing-library/react'
import { apiError, testStore } from '../../../../../testing/fakeApi'
import { COMPLAINT_ID, fakeStaffComplaintsApi, staffComplaint } from '../../../../../testing/complaints'
import { staffComplaintsOf } from '../../../StaffComplaintStore'
import { ComplaintActions } from '.'

function setup(actions = staffComplaint().allowedActions) {
  const { store } = testStore()
  const client = fakeStaffComplaintsApi()
  const complaints = staffComplaintsOf(store, client)
  const onDone = jest.fn()
  const view = render(
    <ComplaintActions
      actions={actions}
      departments={[]}
      onAccept={() => complaints.accept(COMPLAINT_ID)}
      onReply={(text) => complaints.reply(COMPLAINT_ID, text)}
      onAssign={(id) => complaints.assign(COMPLAINT_ID, id)}
      onDone={onDone}
    />,
  )
  const tap = (label: string) => act(async () => void fireEvent.click(screen.getByText(label).closest('.nut-button')!))
  const typeReply = (value: string) => {
    // Taro's <Textarea> is a custom element jsdom does not upgrade; NutUI's TextArea reads event.detail.value.
    const area = view.container.querySelector('.complaint-actions__text taro-textarea-core, .complaint-actions__text textarea') as HTMLElement
    if (!area) throw new Error(view.container.querySelector('.complaint-actions__form')?.innerHTML)
    act(() => void area.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })))
  }
  return { client, onDone, tap, typeReply, view }
}

it('offers only the server’s actions', () => {
  const { view } = setup(['reply'])
  expect(screen.queryByText('受理')).toBeNull()
  expect(screen.getByText('答复')).toBeTruthy()
  expect(view.container.textContent).not.toMatch('指派部门')
})

it('refuses a short reply beside the field without a request, then shows the server’s refusal there', async () => {
  const { client, onDone, tap, typeReply, view } = setup()
  await tap('答复')
  typeReply('已处理')
  await tap('提交答复')
  expect(view.container.querySelector('.form-field__error')?.textContent).toBe('请填写答复内容（至少10个字）')
  expect(client.act).not.toHaveBeenCalled()
  client.act.mockRejectedValueOnce(apiError(400, '请填写给群众的答复（至少10个字）', 'text'))
  typeReply('经核实，已对窗口人员批评教育')
  await tap('提交答复')
  expect(view.container.querySelector('.form-field__error')?.textContent).toBe('请填写给群众的答复（至少10个字）')
  client.act.mockResolvedValueOnce(staffComplaint({ status: 'replied', allowedActions: [] }))
  await tap('提交答复')
  expect(client.act).toHaveBeenLastCalledWith(COMPLAINT_ID, { action: 'reply', text: '经核实，已对窗口人员批评教育' })
  expect(onDone).toHaveBeenCalledWith('已答复，群众将收到通知')
})
