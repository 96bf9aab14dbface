import { defineCustomElement as defineTaroTabbar } from '@tarojs/components/dist/components/taro-tabbar';
import Taro from '@tarojs/taro';

interface AppConfig {
  pages?: string[];
  entryPagePath?: string;
  tabBar?: Record<string, unknown>;
  router?: { mode?: string; basename?: string };
}

/**
 * H5: Taro's own tab bar (`taro-tabbar`), mounted as soon as the first page has loaded rather than
 * before it. Mounted first, as Taro's router does, its styles and its render take a frame of their own
 * ahead of the page: the home page's content showed ~20 ms later (npm run bench). app.config.ts marks
 * the bar `custom` in H5 so the router leaves it to this; the bar itself is unchanged (its element,
 * its looks, its switching). What follows is the router's initTabbar (@tarojs/router 4.2.1), deferred.
 * The tab bar APIs (setTabBarBadge and the like) are not wired up: the app uses none.
 */
export function mountTabBarAfterFirstPage(): void {
  Taro.eventCenter.once('__afterTaroRouterChange', () => {
    const config = (window as { __taroAppConfig?: AppConfig }).__taroAppConfig;
    const container = document.getElementById('container');
    if (!config?.tabBar || !container || container.querySelector('taro-tabbar')) return;
    defineTaroTabbar();
    const tabbar = document.createElement('taro-tabbar') as HTMLElement & { conf: Record<string, unknown> };
    tabbar.conf = {
      ...config.tabBar,
      homePage: config.entryPagePath || config.pages?.[0] || '',
      mode: config.router?.mode || 'hash',
      // `custom` here is Taro's flag for custom routes (none), not for the bar.
      custom: false,
      customRoutes: {},
      ...(config.router?.basename !== undefined ? { basename: config.router.basename } : {}),
    };
    container.appendChild(tabbar);
  });
}
