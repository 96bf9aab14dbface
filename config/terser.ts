// The weapp build's terser options (the bench's floor built "like the app" uses them too).
// Taro's defaults for mini programs switch most of terser's compression off and escape every Chinese character as
// \\uXXXX (6 bytes where UTF-8 takes 3). Here terser's own defaults are back on and the output is UTF-8: the main
// package lost ~10 KB, every subpackage 6-14 KB. The syntax kept is what package.json's browserslist allows
// (WeChat's JavaScriptCore on iOS 11+, V8 on Android), so `ecma: 2017` adds nothing those engines cannot run.
export const MINI_TERSER = {
  compress: {
    ecma: 2017,
    arrows: true,
    collapse_vars: true,
    comparisons: true,
    computed_props: true,
    hoist_props: true,
    inline: true,
    loops: true,
    negate_iife: true,
    properties: true,
    reduce_funcs: true,
    reduce_vars: true,
    switches: true,
    typeofs: true,
    directives: true,
  },
  output: { ecma: 2017, comments: false, ascii_only: false },
};
