import type { UserConfigExport } from '@tarojs/cli';

// Development builds (`taro build --watch`, `npm run dev:*`): merged over config/index.ts.
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
