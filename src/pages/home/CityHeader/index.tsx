import { View, Text } from '@tarojs/components'
import { SearchBar } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import './index.scss'

interface CityHeaderProps {
  matterCount?: number
  onSearch: (q: string) => void
}

export function CityHeader({ matterCount, onSearch }: CityHeaderProps) {
  const [q, setQ] = useState('')
  const submit = (value: string) => {
    const trimmed = value.trim()
    if (trimmed) onSearch(trimmed)
  }
  return (
    <View className="city-header">
      <Text className="city-header__city">玉门市 · 跑一次</Text>
      <Text className="city-header__slogan">
        最多跑一次，能网办的不跑腿{matterCount ? ` · 已上线 ${matterCount} 个事项` : ''}
      </Text>
      <SearchBar
        className="city-header__search"
        shape="round"
        placeholder="搜事项，如 营业执照、社保、sfz"
        value={q}
        maxLength={40}
        onChange={setQ}
        onSearch={submit}
        right={
          <Text className="city-header__go" onClick={() => submit(q)}>
            搜索
          </Text>
        }
      />
    </View>
  )
}
