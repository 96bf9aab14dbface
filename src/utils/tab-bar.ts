/** The mini program's tab bar is WeChat's own (app.config.ts); H5 mounts Taro's: tab-bar.h5.ts. */
export function mountTabBarAfterFirstPage(): void {}
