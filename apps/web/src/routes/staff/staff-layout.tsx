// The staff area (the router sends a person without a session to the sign-in page first),
// with the workspace's own navigation and its global shortcuts.
import { useMemo } from 'react';
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../../i18n/index.ts';
import { useLang } from '../../lib/use-lang.ts';
import { useShortcuts } from '../../lib/shortcuts.ts';
import { logout, useMe } from '../../features/staff/api.ts';
import { useBody } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { REGISTRAR_ROLES } from '../../features/staff/permissions.ts';
import { DESK_ROLES, RECEPTION_ROLES } from '../../features/reception/permissions.ts';
import { CALL_ROLES, CALL_STATS_ROLES } from '../../features/calls/permissions.ts';
import { SOCIAL_READER_ROLES } from '../../features/social/api.ts';
import classes from './staff.module.css';
import './staff-mantine.css';

// Who works on public discussions: the developer body's publishers, answerers and moderators.
const DRAFT_ROLES = ['comms_officer', 'admin', 'head', 'deputy', 'executor', 'moderator'];
/** Who runs the body's perception surveys (as the server's surveys.policy.ts). */
const SURVEY_ROLES = ['analyst', 'comms_officer', 'head', 'deputy', 'admin'];

export function StaffLayout() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const body = useBody(me.data?.bodyId);

  const bindings = useMemo(
    () => ({
      q: () => void navigate({ to: '/$lang/staff', params: { lang } }),
      m: () => void navigate({ to: '/$lang/staff/monitoring', params: { lang } }),
      n: () => void navigate({ to: '/$lang/staff/register', params: { lang } }),
      '?': () => {
        const el = document.getElementById('shortcuts');
        el?.focus();
        el?.scrollIntoView({ block: 'center' });
      },
    }),
    [navigate, lang],
  );
  useShortcuts(bindings);

  if (me.isPending || me.data === null) return <Loader aria-label={t('common.loading')} />;
  if (me.isError) return <Text>{t('common.loadFailed')}</Text>;
  const staff = me.data;

  const links = [
    { to: '/$lang/staff', label: t('staffNav.queue'), exact: true },
    ...(REGISTRAR_ROLES.includes(staff.role) ? [{ to: '/$lang/staff/register', label: t('staffNav.register'), exact: false }] : []),
    { to: '/$lang/staff/monitoring', label: t('staffNav.monitoring'), exact: false },
    { to: '/$lang/staff/kpi', label: t('kpi.nav'), exact: false },
    ...(RECEPTION_ROLES.includes(staff.role) ? [{ to: '/$lang/staff/reception', label: t('staffNav.reception'), exact: false }] : []),
    ...(DESK_ROLES.includes(staff.role) ? [{ to: '/$lang/staff/front-office', label: t('staffNav.frontOffice'), exact: false }] : []),
    ...(staff.role === 'admin' ? [{ to: '/$lang/staff/outbox', label: t('staffNav.outbox'), exact: false }] : []),
    // The ethics commissioner prints the letters to confidential applicants (and sees only those).
    ...(staff.role === 'admin' || staff.role === 'comms_officer' || staff.role === 'ethics_commissioner' ? [{ to: '/$lang/staff/letters', label: t('staffNav.letters'), exact: false }] : []),
    ...(CALL_ROLES.includes(staff.role) ? [{ to: '/$lang/staff/calls', label: t('staffNav.calls'), exact: true }] : []),
    ...(CALL_STATS_ROLES.includes(staff.role) ? [{ to: '/$lang/staff/calls/stats', label: t('staffNav.callStats'), exact: false }] : []),
    { to: '/$lang/staff/knowledge', label: t('staffNav.knowledge'), exact: false },
    ...(DRAFT_ROLES.includes(staff.role) ? [{ to: '/$lang/staff/drafts', label: t('drafts.nav'), exact: false }] : []),
    ...(SURVEY_ROLES.includes(staff.role) ? [{ to: '/$lang/staff/surveys', label: t('surveys.nav'), exact: false }] : []),
    { to: '/$lang/staff/qr', label: t('citymap.qr.nav'), exact: false },
    ...(staff.role === 'admin' ? [{ to: '/$lang/staff/cti', label: t('staffNav.cti'), exact: false }] : []),
    ...(SOCIAL_READER_ROLES.includes(staff.role) ? [{ to: '/$lang/staff/social', label: t('social.nav.inbox'), exact: true }] : []),
    ...(staff.role === 'admin' ? [{ to: '/$lang/staff/social/accounts', label: t('social.nav.accounts'), exact: false }] : []),
    { to: '/$lang/staff/settings', label: t('staffNav.settings'), exact: false },
    { to: '/$lang/staff/account', label: t('staffNav.account'), exact: false },
  ] as const;

  return (
    <Stack gap="lg">
      <Group justify="space-between" className={classes.bar} wrap="wrap">
        <nav aria-label={t('staffNav.label')}>
          <ul className={classes.navList}>
            {links.map((l) => (
              <li key={l.to}>
                <Link to={l.to} params={{ lang }} className={classes.navLink} activeOptions={{ exact: l.exact, includeSearch: false }} activeProps={{ 'aria-current': 'page' }}>
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Group gap="sm">
          <Text data-testid="staff-who">
            {staff.name} · {enumLabel('role', staff.role)}
            {body.data ? ` · ${nameIn(body.data.name, lang)}` : ''}
          </Text>
          <Button
            variant="outline"
            onClick={async () => {
              await logout().catch(() => undefined);
              queryClient.clear();
              await navigate({ to: '/$lang/staff/login', params: { lang }, search: {} });
            }}
          >
            {t('staffNav.logout')}
          </Button>
        </Group>
      </Group>
      <Outlet />
    </Stack>
  );
}
