// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Jest runs with NODE_ENV=test: the preset then emits CommonJS for Node; no fast refresh there.
const isTest = process.env.NODE_ENV === 'test'

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: !isTest }]],
  plugins: [
    [
      'import',
      {
        // NutUI: import each component's JS and its prebuilt CSS only.
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        style: 'css',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyle: (name) => `${name}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
