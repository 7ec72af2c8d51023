import { act, fireEvent, render, screen } from '@testing-library/react'
import { MOBILE_MESSAGE, RESIDENT_ID_MESSAGES } from '../../../../../../types/validators'
import { apiError, fakeStaffCasesApi, testStore } from '../../../../../testing/fakeApi'
import { caseDetail, matterSummary } from '../../../../../testing/fixtures'
import { staffCasesOf } from '../../../../../stores/StaffCaseStore'
import { WalkInForm } from '.'

const matter = matterSummary({ id: '00000000-0000-4000-8000-0000000000aa', name: '个体工商户设立登记' })

function setup() {
  const { store } = testStore()
  const client = fakeStaffCasesApi()
  const staffCases = staffCasesOf(store, client)
  const onRegistered = jest.fn()
  const view = render(<WalkInForm matters={[matter]} onSubmit={(form) => staffCases.registerWalkIn(form)} onRegistered={onRegistered} />)
  const type = (name: string, value: string) =>
    fireEvent.input(view.container.querySelector(`taro-input-core[name="${name}"]`) as HTMLElement, { target: { value } })
  const submit = () => act(async () => void fireEvent.click(screen.getByText('登记收件').closest('.nut-button')!))
  return { client, staffCases, onRegistered, type, submit }
}

it('shows the ID-number and phone errors beside their fields before any request', async () => {
  const { client, type, submit, onRegistered } = setup()
  type('applicantName', '张三')
  type('applicantIdNumber', '110105194912310021')
  type('applicantPhone', '1381234')
  await submit()
  expect(screen.getByText(RESIDENT_ID_MESSAGES.checksum)).toBeTruthy()
  expect(screen.getByText(MOBILE_MESSAGE)).toBeTruthy()
  expect(screen.getByText('请选择办理事项')).toBeTruthy()
  expect(client.registerWalkIn).not.toHaveBeenCalled()
  expect(onRegistered).not.toHaveBeenCalled()
})

it('puts a server refusal beside the field it names', async () => {
  const onSubmit = jest.fn().mockRejectedValue(apiError(400, '该手机号无法接收短信', 'applicantPhone'))
  render(<WalkInForm matters={[matter]} onSubmit={onSubmit} onRegistered={jest.fn()} />)
  await act(async () => void fireEvent.click(screen.getByText('登记收件').closest('.nut-button')!))
  expect(onSubmit).toHaveBeenCalledTimes(1)
  expect(screen.getByText('该手机号无法接收短信')).toBeTruthy()
})

it('keeps the receipt after a valid registration', async () => {
  const { client, staffCases } = setup()
  client.registerWalkIn.mockResolvedValue({ case: caseDetail(), queryPassword: '482193' })
  await staffCases.registerWalkIn({
    matterId: matter.id,
    applicantName: '张三',
    applicantIdNumber: '11010519491231002X',
    applicantPhone: '13812345678',
    deliveryMode: 'hall',
    address: '',
  })
  expect(staffCases.receipt?.queryPassword).toBe('482193')
})
