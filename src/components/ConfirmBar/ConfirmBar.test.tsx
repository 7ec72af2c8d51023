import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { testStore } from '../../testing/fakeApi'
import { StoreProvider } from '../../stores/context'
import { useConfirm } from '.'

function Asker() {
  const { confirm, confirmBar } = useConfirm()
  const [answer, setAnswer] = useState('none')
  return (
    <View>
      <Text onClick={() => void confirm({ title: '退出登录', content: '确定退出吗？', confirmText: '退出' }).then((ok) => setAnswer(String(ok)))}>ask</Text>
      <Text>answer:{answer}</Text>
      {confirmBar}
    </View>
  )
}

function renderIn(elder: boolean) {
  const { store } = testStore()
  store.theme.setElder(elder)
  render(
    <StoreProvider store={store}>
      <Asker />
    </StoreProvider>,
  )
}

const tap = (el: Element) => act(async () => void fireEvent.click(el))
const modal = () => jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
afterEach(() => jest.restoreAllMocks())

it('asks through WeChat’s modal in the standard theme', async () => {
  const showModal = modal()
  renderIn(false)
  await tap(screen.getByText('ask'))
  expect(showModal).toHaveBeenCalledWith({ title: '退出登录', content: '确定退出吗？', confirmText: '退出' })
  expect(screen.getByText('answer:true')).toBeTruthy()
  expect(document.querySelector('.confirm-bar')).toBeNull()
})

it('asks inline in elder mode, without a pop-up, and answers what was tapped', async () => {
  const showModal = modal()
  renderIn(true)
  await tap(screen.getByText('ask'))
  expect(showModal).not.toHaveBeenCalled()
  expect(screen.getByText('确定退出吗？')).toBeTruthy()
  await tap(screen.getByText('取消').closest('.nut-button')!)
  expect(screen.getByText('answer:false')).toBeTruthy()
  expect(document.querySelector('.confirm-bar')).toBeNull()

  await tap(screen.getByText('ask'))
  await tap(screen.getByText('退出').closest('.nut-button')!)
  expect(screen.getByText('answer:true')).toBeTruthy()
  expect(document.querySelector('.confirm-bar')).toBeNull()
})
