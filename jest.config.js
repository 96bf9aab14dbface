// Four jest projects. `npx jest --selectProjects cloud app` for the fast ones; weapp needs a weapp build in dist/,
// e2e needs an H5 build in dist-h5/ (scripts/test-all.mjs runs them in order).
// testTimeout and maxWorkers are global in jest 29, so the weapp/e2e harnesses call jest.setTimeout themselves.

const swc = (react) => [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      target: 'es2020',
      parser: { syntax: 'typescript', tsx: true },
      ...(react ? { transform: { react: { runtime: 'automatic' } } } : {}),
    },
  },
];

// Mirrors tsconfig.json `paths` and the `alias` in config/index.ts.
const aliases = {
  '^@/(.*)$': '<rootDir>/src/$1',
  '^@contract/(.*)$': '<rootDir>/types/$1',
};

const node = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: [`<rootDir>/test/${name}`],
  transform: { '^.+\\.(t|j)sx?$': swc(false) },
  moduleNameMapper: { ...aliases },
  ...extra,
});

/** @type {import('jest').Config} */
module.exports = {
  // e2e drives one Chromium against one emulator: never in parallel.
  ...(process.argv.some((a) => /(^|=|,)e2e$/.test(a)) ? { maxWorkers: 1 } : {}),
  projects: [
    node('cloud', {
      // The handlers run on the REAL wx-server-sdk against the stand-in (test/cloud/helpers.ts).
      setupFilesAfterEnv: [
        '<rootDir>/test/cloud/setup/timeout.ts',
        '<rootDir>/test/cloud/setup/pii-scan.ts',
        '<rootDir>/test/cloud/setup/index-coverage.ts',
      ],
    }),
    {
      displayName: 'app',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/app'],
      transform: { '^.+\\.(t|j)sx?$': swc(true) },
      moduleNameMapper: {
        ...aliases,
        '^@tarojs/taro$': '<rootDir>/test/app/mocks/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/app/mocks/components.tsx',
        '\\.(css|scss|sass|less)$': '<rootDir>/test/app/mocks/style.ts',
        '\\.(png|jpe?g|gif|svg|webp)$': '<rootDir>/test/app/mocks/file.ts',
      },
    },
    // miniprogram-simulate renders into a DOM (j-component), so weapp tests need jsdom; dist/ runs untransformed.
    node('weapp', { testEnvironment: 'jsdom', transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'] }),
    node('e2e'),
  ],
};
