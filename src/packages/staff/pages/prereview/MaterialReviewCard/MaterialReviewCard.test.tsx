import { act, fireEvent, render, screen } from '@testing-library/react'
import { RETURN_REASONS } from '../../../../../../types/returnReasons'
import { apiError } from '../../../../../testing/fakeApi'
import { staffPartDetail } from '../../../../../testing/staffPrereviews'
import { MaterialReviewCard } from '.'

// Taro's <Image lazyLoad> watches visibility; jsdom has no IntersectionObserver.
beforeAll(() => {
  Object.assign(globalThis, {
    IntersectionObserver: class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  })
})

const clickButton = (label: string) => act(async () => void fireEvent.click(screen.getByText(label).closest('.nut-button')!))

const licence = staffPartDetail().materials[0]
const missingPhoto = staffPartDetail().materials[2]

it('offers 通过 / 退回 only while the reviewer holds the claim', () => {
  const { rerender } = render(<MaterialReviewCard material={licence} canReview={false} onMark={jest.fn()} />)
  expect(screen.queryByText('通过')).toBeNull()
  rerender(<MaterialReviewCard material={licence} canReview onMark={jest.fn()} />)
  expect(screen.getByText('通过')).toBeTruthy()
})

it('offers no verdict for a material that was not attached', () => {
  render(<MaterialReviewCard material={missingPhoto} canReview onMark={jest.fn()} />)
  expect(screen.getByText('未上传')).toBeTruthy()
  expect(screen.queryByText('退回')).toBeNull()
})

it('shows the server’s refusal of a return without a reason, then sends a template reason', async () => {
  const onMark = jest.fn().mockRejectedValueOnce(apiError(400, '退回材料请写明原因，申请人将据此补正', 'reason')).mockResolvedValue(undefined)
  render(<MaterialReviewCard material={licence} canReview onMark={onMark} />)
  await clickButton('退回')
  await clickButton('确认退回')
  expect(onMark).toHaveBeenLastCalledWith('return', '')
  expect(screen.getByText('退回材料请写明原因，申请人将据此补正')).toBeTruthy()

  await act(async () => void fireEvent.click(screen.getByText(RETURN_REASONS[3])))
  await clickButton('确认退回')
  expect(onMark).toHaveBeenLastCalledWith('return', RETURN_REASONS[3])
  expect(screen.queryByText('确认退回')).toBeNull()
})

it('highlights a material replaced in this round and lists earlier verdicts', () => {
  const changed = {
    ...licence,
    changedThisRound: true,
    earlierReviews: [{ partId: 'p', departmentName: '玉门市市场监督管理局', round: 1, verdict: 'return' as const, reason: '证件已过有效期' }],
  }
  const { container } = render(<MaterialReviewCard material={changed} canReview={false} onMark={jest.fn()} />)
  expect(container.querySelector('.material-review--changed')).toBeTruthy()
  expect(screen.getByText('本轮已更换')).toBeTruthy()
  expect(screen.getByText(/第1轮 · 玉门市市场监督管理局 · 退回 · 证件已过有效期/)).toBeTruthy()
})
