import { render } from '@testing-library/react'
import type { NotificationDelivery } from '../../../../../../types/notifications'
import { DeliveryRow } from '.'

const base: NotificationDelivery = {
  id: '8b0c1d2e-0000-4000-8000-000000000001',
  notificationId: '8b0c1d2e-0000-4000-8000-000000000002',
  kind: 'ratingReply',
  channel: 'sms',
  status: 'failed',
  attempts: 2,
  lastErrorCode: 'isv.SMS_TEMPLATE_ILLEGAL',
  lastErrorMessage: '该账号下找不到对应模板',
  nextAttemptAt: null,
  phoneMasked: '139****0001',
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:05:00.000Z',
}

it('shows channel, kind, status, attempts, masked phone, the last error and China times', () => {
  const { container } = render(<DeliveryRow item={base} />)
  const text = container.textContent ?? ''
  for (const part of ['短信', '评价回复通知', '发送失败', '已尝试 2 次', '139****0001', 'isv.SMS_TEMPLATE_ILLEGAL 该账号下找不到对应模板', '创建 2026-11-20 10:00', '更新 2026-11-20 10:05']) {
    expect(text).toContain(part)
  }
  expect(text).not.toContain('下次重试')
})

it('shows the next retry of a queued WeChat delivery and no error or phone it does not have', () => {
  const item = { ...base, channel: 'wechat' as const, status: 'queued' as const, kind: null, lastErrorCode: null, lastErrorMessage: null, phoneMasked: null, nextAttemptAt: '2026-11-20T02:10:00.000Z' }
  const { container } = render(<DeliveryRow item={item} />)
  const text = container.textContent ?? ''
  expect(text).toContain('微信订阅消息')
  expect(text).toContain('一般通知')
  expect(text).toContain('待发送')
  expect(text).toContain('下次重试 2026-11-20 10:10')
  expect(container.querySelector('.delivery-row__error')).toBeNull()
  expect(text).not.toContain('****')
})
