import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './i18n/index.ts';
import { NotificationsProvider } from './auth/NotificationsContext.tsx';
import { SessionProvider } from './auth/SessionContext.tsx';
import { CatalogProvider } from './hooks/useCatalog.tsx';
import { ServerClockProvider } from './hooks/useServerClock.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { router } from './routes.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');

createRoot(root).render(
  <StrictMode>
    <LocaleProvider>
      <ServerClockProvider>
        <CatalogProvider>
          <SessionProvider>
            <NotificationsProvider>
              <RouterProvider router={router} />
            </NotificationsProvider>
          </SessionProvider>
        </CatalogProvider>
      </ServerClockProvider>
    </LocaleProvider>
  </StrictMode>,
);
