import { act, render, screen } from '@testing-library/react'
import { OFFLINE_TEXT, OfflineBanner } from '.'

function setOnLine(value: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => value })
  window.dispatchEvent(new Event(value ? 'online' : 'offline'))
}

afterEach(() => setOnLine(true))

test('shows the offline line only while the browser is offline', () => {
  render(<OfflineBanner />)
  expect(screen.queryByText(OFFLINE_TEXT)).toBeNull()
  act(() => setOnLine(false))
  expect(screen.getByText(OFFLINE_TEXT)).toBeTruthy()
  act(() => setOnLine(true))
  expect(screen.queryByText(OFFLINE_TEXT)).toBeNull()
})

test('starts offline when the page opens offline', () => {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => false })
  render(<OfflineBanner />)
  expect(screen.getByText(OFFLINE_TEXT)).toBeTruthy()
})
