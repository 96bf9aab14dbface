import { View } from '@tarojs/components';
import { Button } from '../button';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useElderMode } from '../../stores/elder-mode';
import '../../styles/tokens.scss';
import './index.scss';

export interface PageShellProps {
  /** Optional heading shown at the top of the page. */
  title?: string;
  className?: string;
  children?: ReactNode;
}

const TAB_ROUTES = ['pages/home/index', 'pages/services/index', 'pages/mine/index'];
const PERSONA_ROUTE = 'pages/persona/index';

/** The route of the page shown last (any page), to tell a fresh visit of a tab from a return to it. */
let lastShown = '';

const routeOf = (path: string | undefined) => (path ?? '').split('?')[0].replace(/^\//, '');

/**
 * A tab page keeps its scroll position while hidden. Coming back from a page it opened, that is
 * right; arriving from another tab or after a persona switch, it is a fresh visit and starts at the top.
 */
function useFreshTabVisit(route: string) {
  useDidShow(() => {
    const prev = lastShown;
    lastShown = route;
    if (!TAB_ROUTES.includes(route) || !prev || prev === route) return;
    if (!TAB_ROUTES.includes(prev) && prev !== PERSONA_ROUTE) return;
    const top = () => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    top();
    // H5 restores the saved scroll of a shown page after its onShow: reset again once that has run.
    setTimeout(top, 0);
  });
}

/**
 * H5 only: the browser has no WeChat navigation bar, so every page gets a title bar with the page's
 * title (Taro writes navigationBarTitleText and setNavigationBarTitle into document.title) and, on a
 * page that is not a tab, 返回. Never rendered in the weapp, which keeps its native bar.
 */
function H5TitleBar({ route }: { route: string }) {
  const [title, setTitle] = useState(() => document.title);
  const shown = useRef(true);
  useDidShow(() => {
    shown.current = true;
    setTitle(document.title);
  });
  useDidHide(() => {
    shown.current = false;
  });
  useEffect(() => {
    const el = document.querySelector('title');
    if (!el) return undefined;
    // A page may rename itself after loading (setNavigationBarTitle); hidden pages keep their own title.
    // A page being closed is still "shown" while the next one writes its title: only the top page follows.
    const observer = new MutationObserver(() => {
      if (shown.current && routeOf(Taro.getCurrentPages().slice(-1)[0]?.route) === route) setTitle(document.title);
    });
    observer.observe(el, { childList: true, characterData: true, subtree: true });
    return () => observer.disconnect();
  }, [route]);
  const isTab = TAB_ROUTES.includes(route);
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.switchTab({ url: '/pages/home/index' });
  };
  return (
    <View className={`h5-title-bar${isTab ? ' h5-title-bar--tab' : ''}`}>
      {isTab ? null : (
        <Button className="h5-title-bar__back" onClick={back} aria-label="返回上一页">
          ‹ 返回
        </Button>
      )}
      <View className="h5-title-bar__title" role="heading" aria-level={1}>
        {title}
      </View>
    </View>
  );
}

/** The root of every page: carries the design tokens and the 长辈模式 switch. */
export function PageShell({ title, className, children }: PageShellProps) {
  const [elder] = useElderMode();
  const route = routeOf(useRouter().path);
  useFreshTabVisit(route);
  return (
    <View className={['page', elder ? 'elder' : '', className ?? ''].join(' ').trim()}>
      {process.env.TARO_ENV === 'h5' ? <H5TitleBar route={route} /> : null}
      {title ? (
        <View className="page-shell__title" role="heading" aria-level={1}>
          {title}
        </View>
      ) : null}
      {children}
    </View>
  );
}
