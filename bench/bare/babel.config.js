// Same preset as the app (babel.config.js at the repo root).
/* global module */
module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] };
