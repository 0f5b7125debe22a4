// The web app's entry: theme, data cache, router. Staff pages are loaded on demand.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n/index.ts';
import { router } from './router.tsx';
import { theme } from './theme.ts';
import { applyStoredVisualMode } from './lib/visual-mode.ts';
import { ApiError } from './lib/api.ts';
import './styles.css';

applyStoredVisualMode();

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err) => {
      // The session ended while working: sign in again, then come back to this page.
      const path = window.location.pathname;
      if (err instanceof ApiError && err.status === 401 && /^\/(kk|ru|en)\/staff(?!\/login)/.test(path)) {
        queryClient.setQueryData(['me'], null);
        void router.navigate({ to: '/$lang/staff/login', params: { lang: path.slice(1, 3) }, search: { next: path + window.location.search } });
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} context={{ queryClient }} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);

// The portal works as an installed app and opens without a network (public/sw.js). Once it
// runs, the appeal page is fetched ahead, so it opens offline even if it was never visited,
// and appeals kept offline are sent as soon as the network returns.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then(() => import('./routes/portal/appeal-page.tsx'))
      .catch(() => undefined);
  });
}
window.addEventListener('online', () => void import('./features/appeals/offline-outbox.ts').then((m) => m.flushOutbox()));
