// Every address of the web app. Each page lives under its language: /kk/…, /ru/…, /en/….
// The first page (home) is in the main bundle; every other page is its own chunk, fetched
// when a link to it is hovered or focused, and the staff workspace is separate again.
import { parseQueueSearch } from './features/staff/queue-search.ts';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, notFound, Outlet, redirect } from '@tanstack/react-router';
import { ensureMessages, loadLanguage } from './i18n/index.ts';
import { isLanguage, preferredLanguage } from './lib/languages.ts';
import { meQuery } from './lib/session.ts';
import { LangLayout } from './layout/lang-layout.tsx';
import { NotFoundPage } from './routes/portal/not-found-page.tsx';
import { HomePage } from './routes/portal/home-page.tsx';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/$lang', params: { lang: preferredLanguage() }, replace: true });
  },
});

export const langRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$lang',
  beforeLoad: async ({ params, preload }) => {
    if (!isLanguage(params.lang)) throw notFound();
    // Hovering or focusing a link to another language only fetches its messages.
    if (preload) await ensureMessages(params.lang);
    else await loadLanguage(params.lang);
  },
  component: LangLayout,
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({ getParentRoute: () => langRoute, path: '/', component: HomePage });

const appealRoute = createRoute({
  getParentRoute: () => langRoute,
  path: 'appeal',
  // object: a city object's code from a QR poster (the form is filled from it).
  validateSearch: (s: Record<string, unknown>): { body?: string; object?: string } => ({ body: str(s.body), object: str(s.object) }),
  component: lazyRouteComponent(() => import('./routes/portal/appeal-page.tsx'), 'AppealPage'),
});

const trackRoute = createRoute({
  getParentRoute: () => langRoute,
  path: 'track',
  validateSearch: (s: Record<string, unknown>): { number?: string } => ({ number: str(s.number) }),
  component: lazyRouteComponent(() => import('./routes/portal/track-page.tsx'), 'TrackPage'),
});

const bodyRoute = createRoute({ getParentRoute: () => langRoute, path: 'bodies/$code', component: lazyRouteComponent(() => import('./routes/portal/body-page.tsx'), 'BodyPage') });

const receptionRoute = createRoute({
  getParentRoute: () => langRoute,
  path: 'reception',
  validateSearch: (s: Record<string, unknown>): { body?: string } => ({ body: str(s.body) }),
  component: lazyRouteComponent(() => import('./routes/portal/reception-page.tsx'), 'ReceptionPage'),
});

const receptionBookingRoute = createRoute({
  getParentRoute: () => langRoute,
  path: 'reception/booking',
  validateSearch: (s: Record<string, unknown>): { number?: string } => ({ number: str(s.number) }),
  component: lazyRouteComponent(() => import('./routes/portal/reception-booking-page.tsx'), 'ReceptionBookingPage'),
});

// Staff workspace (lazy).
const staffLoginRoute = createRoute({
  getParentRoute: () => langRoute,
  path: 'staff/login',
  validateSearch: (s: Record<string, unknown>): { next?: string } => ({ next: str(s.next) }),
  component: lazyRouteComponent(() => import('./routes/staff/login-page.tsx'), 'LoginPage'),
});

const staffAreaRoute = createRoute({
  getParentRoute: () => langRoute,
  id: 'staff-area',
  // No session: the sign-in page first, then back to the page asked for.
  beforeLoad: async ({ context, location, params }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/$lang/staff/login', params: { lang: params.lang }, search: { next: location.href }, replace: true });
  },
  component: lazyRouteComponent(() => import('./routes/staff/staff-layout.tsx'), 'StaffLayout'),
});

const staffQueueRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff',
  validateSearch: parseQueueSearch,
  component: lazyRouteComponent(() => import('./routes/staff/queue-page.tsx'), 'QueuePage'),
});

const staffAppealRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/appeals/$id',
  component: lazyRouteComponent(() => import('./routes/staff/appeal-card-page.tsx'), 'AppealCardPage'),
});

const staffRegisterRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/register',
  component: lazyRouteComponent(() => import('./routes/staff/register-page.tsx'), 'RegisterPage'),
});

const staffMonitoringRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/monitoring',
  component: lazyRouteComponent(() => import('./routes/staff/monitoring-page.tsx'), 'MonitoringPage'),
});

const staffOutboxRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/outbox',
  component: lazyRouteComponent(() => import('./routes/staff/outbox-page.tsx'), 'OutboxPage'),
});

const staffLettersRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/letters',
  component: lazyRouteComponent(() => import('./routes/staff/letters-page.tsx'), 'LettersPage'),
});

const staffAccountRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/account',
  component: lazyRouteComponent(() => import('./routes/staff/account-page.tsx'), 'AccountPage'),
});

const staffSettingsRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/settings',
  component: lazyRouteComponent(() => import('./routes/staff/settings-page.tsx'), 'SettingsPage'),
});

const staffReceptionRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/reception',
  component: lazyRouteComponent(() => import('./routes/staff/reception-page.tsx'), 'ReceptionStaffPage'),
});

const staffSchedulesRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/reception/schedules',
  component: lazyRouteComponent(() => import('./routes/staff/schedules-page.tsx'), 'SchedulesPage'),
});

const staffReceptionBookingRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/reception/$number',
  component: lazyRouteComponent(() => import('./routes/staff/reception-booking-page.tsx'), 'ReceptionBookingStaffPage'),
});

const staffFrontOfficeRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/front-office',
  component: lazyRouteComponent(() => import('./routes/staff/front-office-page.tsx'), 'FrontOfficePage'),
});

const staffCallsRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/calls',
  validateSearch: (s: Record<string, unknown>): { call?: string } => ({ call: str(s.call) }),
  component: lazyRouteComponent(() => import('./routes/staff/calls-page.tsx'), 'CallsPage'),
});

const staffCallStatsRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/calls/stats',
  component: lazyRouteComponent(() => import('./routes/staff/calls-stats-page.tsx'), 'CallsStatsPage'),
});

const staffKpiRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/kpi',
  component: lazyRouteComponent(() => import('./routes/staff/kpi-page.tsx'), 'KpiPage'),
});

const statsRoute = createRoute({
  getParentRoute: () => langRoute,
  path: 'stats',
  component: lazyRouteComponent(() => import('./routes/portal/stats-page.tsx'), 'StatsPage'),
});

const staffKnowledgeRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/knowledge',
  component: lazyRouteComponent(() => import('./routes/staff/knowledge-page.tsx'), 'KnowledgePage'),
});

const staffSurveysRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/surveys',
  component: lazyRouteComponent(() => import('./routes/staff/surveys-page.tsx'), 'SurveysPage'),
});

const surveyRoute = createRoute({ getParentRoute: () => langRoute, path: 'survey/$token', component: lazyRouteComponent(() => import('./routes/portal/survey-page.tsx'), 'SurveyPage') });

const staffCtiRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/cti',
  component: lazyRouteComponent(() => import('./routes/staff/cti-page.tsx'), 'CtiPage'),
});

const staffSocialRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/social',
  component: lazyRouteComponent(() => import('./routes/staff/social-page.tsx'), 'SocialPage'),
});

const staffSocialAccountsRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/social/accounts',
  component: lazyRouteComponent(() => import('./routes/staff/social-accounts-page.tsx'), 'SocialAccountsPage'),
});

const draftsRoute = createRoute({
  getParentRoute: () => langRoute,
  path: 'drafts',
  validateSearch: (s: Record<string, unknown>): { body?: string } => ({ body: str(s.body) }),
  component: lazyRouteComponent(() => import('./routes/portal/drafts-page.tsx'), 'DraftsPage'),
});

const draftRoute = createRoute({
  getParentRoute: () => langRoute,
  path: 'drafts/$id',
  component: lazyRouteComponent(() => import('./routes/portal/drafts-page.tsx'), 'DraftPage'),
});

const staffDraftsRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/drafts',
  component: lazyRouteComponent(() => import('./routes/staff/drafts-page.tsx'), 'StaffDraftsPage'),
});

const staffDraftCommentsRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/drafts/$id',
  component: lazyRouteComponent(() => import('./routes/staff/drafts-page.tsx'), 'StaffDraftCommentsPage'),
});

const staffDraftsModerationRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/drafts-moderation',
  component: lazyRouteComponent(() => import('./routes/staff/drafts-page.tsx'), 'DraftsModerationPage'),
});

// Online channels: the public Q&A, the heads' blogs, the help search and the moderator's page.
const qaRoute = createRoute({ getParentRoute: () => langRoute, path: 'qa', component: lazyRouteComponent(() => import('./routes/portal/qa-page.tsx'), 'QaPage') });
const blogRoute = createRoute({ getParentRoute: () => langRoute, path: 'blog/$slug', component: lazyRouteComponent(() => import('./routes/portal/blog-page.tsx'), 'BlogPage') });
const helpRoute = createRoute({ getParentRoute: () => langRoute, path: 'help', component: lazyRouteComponent(() => import('./routes/portal/help-page.tsx'), 'HelpPage') });
const staffQaRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/qa',
  component: lazyRouteComponent(() => import('./routes/staff/qa-moderation-page.tsx'), 'QaModerationPage'),
});

// The city app: the public map and the QR posters of city objects.
const mapRoute = createRoute({ getParentRoute: () => langRoute, path: 'map', component: lazyRouteComponent(() => import('./routes/portal/map-page.tsx'), 'MapPage') });

const staffQrRoute = createRoute({
  getParentRoute: () => staffAreaRoute,
  path: 'staff/qr',
  component: lazyRouteComponent(() => import('./routes/staff/qr-page.tsx'), 'QrPage'),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  langRoute.addChildren([
    homeRoute,
    appealRoute,
    trackRoute,
    statsRoute,
    bodyRoute,
    receptionRoute,
    receptionBookingRoute,
    draftsRoute,
    draftRoute,
    staffLoginRoute,
    surveyRoute,
    qaRoute,
    blogRoute,
    helpRoute,
    mapRoute,
    staffAreaRoute.addChildren([
      staffQueueRoute,
      staffAppealRoute,
      staffRegisterRoute,
      staffMonitoringRoute,
      staffOutboxRoute,
      staffLettersRoute,
      staffSettingsRoute,
      staffAccountRoute,
      staffReceptionRoute,
      staffSchedulesRoute,
      staffReceptionBookingRoute,
      staffFrontOfficeRoute,
      staffCallsRoute,
      staffCallStatsRoute,
      staffKnowledgeRoute,
      staffCtiRoute,
      staffSocialRoute,
      staffSocialAccountsRoute,
      staffDraftsRoute,
      staffDraftCommentsRoute,
      staffDraftsModerationRoute,
      staffSurveysRoute,
      staffKpiRoute,
      staffQaRoute,
      staffQrRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient: undefined! },
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
