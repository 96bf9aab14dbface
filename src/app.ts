import type { PropsWithChildren } from 'react';
import { mountTabBarAfterFirstPage } from './utils/tab-bar';
import './app.scss';

// H5: the tab bar comes right after the first page instead of before it (utils/tab-bar.h5.ts).
mountTabBarAfterFirstPage();

function App({ children }: PropsWithChildren) {
  // children is the page being rendered
  return children;
}

export default App;
