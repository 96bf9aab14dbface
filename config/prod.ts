import type { UserConfigExport } from '@tarojs/cli';

// Production builds (`taro build` without --watch, what npm test and the size budgets use): merged over index.ts.
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
