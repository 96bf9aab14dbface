import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { releaseSettings } from './release';
import { MINI_TERSER } from './terser';

const root = path.resolve(__dirname, '..');
const isH5 = process.env.TARO_ENV === 'h5';

// The source tree's content, as the cache's version. Taro's split of subpackage-shared modules into
// `sub-common/` chunks (optimizeMainPackage) is restored from the webpack cache without its modules being
// rechecked: a changed shared component shipped its old code (seen with form-actions). Any change to the
// sources therefore starts a fresh cache; an unchanged tree (npm test, then npm start) still builds from it.
function sourceVersion(): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(fs.readFileSync(full));
    }
  };
  for (const dir of ['src', 'types']) walk(path.join(root, dir));
  return hash.digest('hex');
}

// Passed through to webpack's `cache` (Taro's ICache type only names `enable`, `buildDependencies` and `name`).
const webpackCache = {
  cacheDirectory: path.join(root, '.cache/webpack'),
  version: sourceVersion(),
  buildDependencies: {
    config: ['index.ts', 'dev.ts', 'prod.ts', 'terser.ts'].map((f) => path.join(__dirname, f)),
    // package.json: its browserslist decides what babel transpiles.
    files: [path.join(root, 'src/app.config.ts'), path.join(root, 'babel.config.js'), path.join(root, 'package.json')],
  },
};

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  // A release build (npm run build:weapp:release, the deploy) stops here without an env id or AppID.
  let release: ReturnType<typeof releaseSettings>;
  try {
    release = releaseSettings(process.env);
  } catch (e) {
    // Said plainly and first (Taro would bury a thrown error under "找不到项目配置文件").
    console.error(`\n${(e as Error).message}\n`);
    process.exit(1);
  }
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'union-services',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    // Mirrors tsconfig.json `paths` (and jest moduleNameMapper).
    alias: {
      '@': path.join(root, 'src'),
      '@contract': path.join(root, 'types'),
    },
    // The subscribe-message template ids per moment, from deploy.config.json (src/utils/subscribe.ts).
    defineConstants: {
      SUBSCRIBE_TEMPLATES: JSON.stringify(release.subscribeTemplates),
      ...(release.cloudEnv ? { 'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(release.cloudEnv) } : {}),
    },
    // weapp: sitemap.json (named by app.config sitemapLocation) sits beside app.json. (Tab bar icons: the weapp
    // build copies them, the H5 build inlines them.)
    copy: { patterns: isH5 ? [] : [{ from: 'src/sitemap.json', to: 'dist/sitemap.json' }], options: {} },
    // Plain progress lines instead of the animated bar when output is not a terminal (CI, npm test logs).
    logger: { quiet: !process.stdout.isTTY, stats: false },
    framework: 'react',
    compiler: 'webpack5',
    // weapp: see config/terser.ts.
    ...(isH5 ? {} : { terser: { enable: true, config: MINI_TERSER } }),
    // Webpack filesystem cache, one per NODE_ENV-TARO_ENV (Taro's default name), under .cache/webpack.
    cache: { enable: true, ...webpackCache },
    mini: {
      // types/ (the API contract, imported as @contract/*) lives outside src/: compile it too.
      compile: { include: [path.join(root, 'types')] },
      // Modules used only by subpackages are moved out of the main package's common chunks.
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [path.join(root, 'types')] },
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Taro splits only initial chunks, so every lazily loaded page would carry its own copy of shared code
      // (~190 KB each): share modules between page chunks too.
      // The home page, the first screen, is part of the entry: Taro's router loads every page with import(),
      // so it would otherwise wait, after the app script has run, for a second round of some twenty chunk
      // requests before its header and service cards paint; the router's import() now finds it loaded.
      webpackChain(chain) {
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
        chain.entry('app').add(path.join(root, 'src/pages/home/index'));
      },
      // `taro build --type h5 --watch` serves from memory (dist-h5/ stays empty): loopback only.
      devServer: { host: '127.0.0.1', port: Number(process.env.PORT || 10086) },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
