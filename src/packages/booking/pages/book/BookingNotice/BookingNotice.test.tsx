import { fireEvent, render, screen } from '@testing-library/react'
import { availability } from '../../../../../testing/appointments'
import { BookingNotice, blockerOf } from '.'

const ban = { until: '2027-02-20', noShows: 2, message: '您在30天内有2次预约未到，2027年2月20日（含）前不能在线预约。' }

it('says what stops a booking, in the order that matters', () => {
  expect(blockerOf(availability({ bookingBan: ban, realNameReady: false }), false)).toBe('signIn')
  expect(blockerOf(availability({ bookingBan: ban, realNameReady: false }), true)).toBe('banned')
  expect(blockerOf(availability({ realNameReady: false }), true)).toBe('realName')
  expect(blockerOf(availability(), true)).toBeNull()
})

function show(props: Partial<Parameters<typeof BookingNotice>[0]>) {
  const handlers = { onSignIn: jest.fn(), onRealName: jest.fn(), onShowDay: jest.fn() }
  render(<BookingNotice availability={availability()} blocker={null} {...handlers} {...props} />)
  return handlers
}

it('shows the ban as the server words it', () => {
  show({ availability: availability({ bookingBan: ban }), blocker: 'banned' })
  expect(screen.getByText(ban.message)).toBeTruthy()
})

it('when everything is full, says so and offers the next day with room', () => {
  const { onShowDay } = show({
    availability: availability({ message: '未来5个工作日均已约满', nextDateWithRoom: '2026-12-01' }),
  })
  expect(screen.getByText('未来5个工作日均已约满')).toBeTruthy()
  fireEvent.click(screen.getByText(/最近可约：12月1日 周二/).closest('.nut-button')!)
  expect(onShowDay).toHaveBeenCalledWith('2026-12-01')
})
