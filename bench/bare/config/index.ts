import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// The bench's floor: Taro's defaults, production build, no cache (built fresh in every bench run).
// Output goes to .cache/bench-bare/<weapp|h5> at the repo root.
const isH5 = process.env.TARO_ENV === 'h5';

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'bare-taro-floor',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `../../.cache/bench-bare/${isH5 ? 'h5' : 'weapp'}`,
    plugins: [],
    framework: 'react',
    compiler: 'webpack5',
    logger: { quiet: true, stats: false },
    cache: { enable: false },
    mini: { postcss: { pxtransform: { enable: true, config: {} } } },
    h5: { publicPath: './', staticDirectory: 'static', router: { mode: 'hash' } },
  };
  return config;
});
