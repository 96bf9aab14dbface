import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { MINI_TERSER } from '../../../config/terser';

// The bench's floor: Taro's defaults, production build, no cache (built fresh in every bench run).
// Output goes to .cache/bench-bare/<weapp|h5> at the repo root. BENCH_FLOOR=like-app builds it the way the app is
// built instead (the app's terser options here, its browserslist through BROWSERSLIST, set by the bench), into
// .cache/bench-bare/weapp-like-app: the same floor without the savings that are build settings, not code.
const isH5 = process.env.TARO_ENV === 'h5';
const likeApp = process.env.BENCH_FLOOR === 'like-app';

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'bare-taro-floor',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `../../.cache/bench-bare/${isH5 ? 'h5' : 'weapp'}${likeApp ? '-like-app' : ''}`,
    plugins: [],
    framework: 'react',
    compiler: 'webpack5',
    ...(likeApp ? { terser: { enable: true, config: MINI_TERSER } } : {}),
    logger: { quiet: true, stats: false },
    cache: { enable: false },
    mini: { postcss: { pxtransform: { enable: true, config: {} } } },
    h5: { publicPath: './', staticDirectory: 'static', router: { mode: 'hash' } },
  };
  return config;
});
