/**
 * Jest 29 + jsdom for the app (src/) and the pure contract helpers (types/).
 * Taro's H5 runtime stands in for the mini-program: TARO_ENV=h5 (jest/setup-env.js),
 * `@tarojs/taro` → jest/taro.ts, `@tarojs/components` → its React build.
 * Platform-suffixed modules resolve to their `.h5.ts` variant, as in the H5 build.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/types'],
  cacheDirectory: '<rootDir>/.jest-cache',
  setupFiles: ['<rootDir>/jest/setup-env.js'],
  setupFilesAfterEnv: ['<rootDir>/jest/setup-after-env.ts'],
  moduleFileExtensions: ['h5.tsx', 'h5.ts', 'tsx', 'ts', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(mjs|cjs|jsx?|tsx?)$': 'babel-jest',
  },
  // Anchored: only packages that ship untranspiled ESM are transformed.
  transformIgnorePatterns: [
    '^<rootDir>/node_modules/(?!(@tarojs|@stencil|@nutui|@babel/runtime/helpers/esm|axios|mobx-react-lite|classnames|lodash-es|@react-spring|@use-gesture|react-fast-compare|swiper|nanoid|split-on-first|filter-obj|decode-uri-component|query-string|ssr-window|dom7)/)',
  ],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/jest/taro.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.(css|scss|sass)$': '<rootDir>/jest/style-stub.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/jest/file-stub.js',
  },
}
