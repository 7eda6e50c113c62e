import { Layout } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { AppFooter } from './AppFooter.tsx';
import { AppHeader } from './AppHeader.tsx';
import { PageFallback } from './PageFallback.tsx';
import { SandboxBanner } from './SandboxBanner.tsx';
import { ScrollToTop } from './ScrollToTop.tsx';

/** Header, page, footer: the frame every page of the portal and the workspaces share. */
export function AppLayout() {
  return (
    <Layout className="app-layout">
      <ScrollToTop />
      <SandboxBanner />
      <AppHeader />
      <Layout.Content className="app-content">
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <AppFooter />
    </Layout>
  );
}
