// The operator console: the body's calls, live (polled every 2.5 s while the tab is
// shown); the ringing or answered call opens by itself with the caller's earlier appeals,
// and from it, in a few keys, a consultation, an appeal, a redirect or a callback, with
// the knowledge base beside the text. The open call is in the address (?call=).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@tyndau/contracts';
import { enumLabel } from '../../i18n/index.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { useShortcuts } from '../../lib/shortcuts.ts';
import { AnchorLink } from '../../components/links.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { ShortcutsHelp } from '../../features/staff/components/shortcuts-help.tsx';
import { useMe } from '../../features/staff/api.ts';
import { patchCall, useCall, useLiveCalls, type Call } from '../../features/calls/api.ts';
import { CallForm, type CallAction } from '../../features/calls/components/call-forms.tsx';
import { CallbackQueue } from '../../features/calls/components/callback-queue.tsx';
import { ArticlePicker } from '../../features/knowledge/components/article-picker.tsx';
import classes from './staff.module.css';

const route = getRouteApi('/$lang/staff-area/staff/calls');
const LIVE = ['ringing', 'answered'];

export function CallsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('console.title'));
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const calls = useLiveCalls({});
  const items = useMemo(() => {
    const all = calls.data?.items ?? [];
    // Ringing first, then answered, then the rest as the server gives them (newest first).
    const rank = (c: Call) => (c.state === 'ringing' ? 0 : c.state === 'answered' ? 1 : 2);
    return [...all].sort((a, b) => rank(a) - rank(b));
  }, [calls.data]);
  const ringing = items.filter((c) => c.state === 'ringing').length;
  const live = items.find((c) => LIVE.includes(c.state));
  const open = (id: string | undefined) => void navigate({ search: (s) => ({ ...s, call: id }), replace: true });

  // The ringing or answered call opens by itself when none is open (focus stays put).
  useEffect(() => {
    if (!search.call && live) open(live.id);
  }, [search.call, live?.id]);

  const rowButtons = useRef<Array<HTMLButtonElement | null>>([]);
  const moveRow = (delta: number) => {
    const buttons = rowButtons.current.filter(Boolean) as HTMLButtonElement[];
    if (!buttons.length) return;
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[Math.min(buttons.length - 1, Math.max(0, i < 0 ? 0 : i + delta))].focus();
  };
  const [action, setAction] = useState<CallAction | null>(null);
  const start = (a: CallAction) => {
    if (!search.call) return;
    setAction(a);
    focusSoon(() => document.getElementById('call-text') ?? document.getElementById('call-dueAt'));
  };
  const bindings = useMemo(
    () => ({
      j: () => moveRow(1),
      k: () => moveRow(-1),
      l: () => {
        if (!live) return;
        setAction(null);
        open(live.id);
        focusSoon(() => document.getElementById('call-title'));
      },
      c: () => start('consultation'),
      a: () => start('appeal'),
      r: () => start('redirect'),
      b: () => start('callback'),
      '/': () => document.getElementById('kb-search')?.focus(),
    }),
    [live?.id, search.call],
  );
  useShortcuts(bindings);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('console.title')}</Title>
      <div aria-live="polite" data-testid="calls-live-status">
        <Text>{calls.isPending ? t('common.loading') : calls.isError ? t('common.loadFailed') : t('console.ringing', { count: ringing })}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="calls-list-title">
          <Title order={2} size="h4" id="calls-list-title" mb="sm">
            {t('console.list')}
          </Title>
          {calls.isPending ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : (
            <Table className={classes.table} data-testid="calls-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('console.caller')}</Table.Th>
                  <Table.Th>{t('console.state')}</Table.Th>
                  <Table.Th>{t('console.line')}</Table.Th>
                  <Table.Th>{t('console.started')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c, i) => (
                  <Table.Tr key={c.id} aria-current={c.id === search.call ? 'true' : undefined} data-state={c.state}>
                    <Table.Td>
                      <Button
                        variant={c.id === search.call ? 'filled' : 'subtle'}
                        size="compact-md"
                        ref={(el) => {
                          rowButtons.current[i] = el;
                        }}
                        onClick={() => {
                          setAction(null);
                          open(c.id);
                          focusSoon(() => document.getElementById('call-title'));
                        }}
                      >
                        {c.callerNumber ?? t('console.hiddenNumber')}
                      </Button>
                    </Table.Td>
                    <Table.Td>{t(`console.states.${c.state}`)}</Table.Td>
                    <Table.Td>{c.lineNumber}</Table.Td>
                    <Table.Td>{formatDateTime(c.startedAt, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {calls.data && items.length === 0 && <Text>{t('console.none')}</Text>}
        </Paper>
        <Stack gap="md">
          {search.call ? (
            <CallPanel key={search.call} id={search.call} action={action} setAction={setAction} start={start} ownBodyId={me.data?.bodyId ?? ''} />
          ) : (
            <Paper withBorder p="md">
              <Text>{t('console.pick')}</Text>
            </Paper>
          )}
        </Stack>
      </SimpleGrid>
      <CallbackQueue
        onOpen={(id) => {
          setAction(null);
          open(id);
          focusSoon(() => document.getElementById('call-title'));
        }}
      />
      <ShortcutsHelp
        items={[
          { keys: ['j', 'k'], label: t('console.keys.rows') },
          { keys: ['l'], label: t('console.keys.live') },
          { keys: ['c'], label: t('console.consultation') },
          { keys: ['a'], label: t('console.appeal') },
          { keys: ['r'], label: t('console.redirect') },
          { keys: ['b'], label: t('console.callback') },
          { keys: ['/'], label: t('console.keys.knowledge') },
        ]}
      />
    </Stack>
  );
}

function duration(seconds: number | null, lang: ReturnType<typeof useLang>): string {
  if (seconds === null || seconds === undefined) return '—';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${formatNumber(m, lang)}:${String(s).padStart(2, '0')}`;
}

function CallPanel({ id, action, setAction, start, ownBodyId }: { id: string; action: CallAction | null; setAction: (a: CallAction | null) => void; start: (a: CallAction) => void; ownBodyId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const call = useCall(id);
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLDivElement>(null);
  const patch = useMutation({
    mutationFn: (p: { language?: string; signLanguage?: boolean }) => patchCall(id, p),
    onSuccess: (c) => queryClient.setQueryData(['calls', 'one', id], c),
  });
  if (call.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (call.isError) return <Text>{call.error.message}</Text>;
  const c = call.data;
  const done = (m: string) => {
    setAction(null);
    setMessage(m);
    void queryClient.invalidateQueries({ queryKey: ['calls'] });
    focusSoon(() => messageRef.current);
  };
  return (
    <>
      <Paper withBorder p="md" component="section" aria-labelledby="call-title" data-testid="call-panel">
        <Stack gap="sm">
          <Title order={2} size="h3" id="call-title">
            {t('console.callFrom', { caller: c.callerNumber ?? t('console.hiddenNumber') })}
          </Title>
          <Text data-testid="call-state">
            {t(`console.states.${c.state}`)} · {t('console.lineN', { line: c.lineNumber })} · {enumLabel('channel', c.channel)}
          </Text>
          <Text size="sm">
            {t('console.wait')}: {duration(c.waitSeconds, lang)} · {t('console.talk')}: {duration(c.talkSeconds, lang)}
          </Text>
          <Group align="end">
            <NativeSelect label={t('console.language')} value={c.language ?? ''} onChange={(e) => patch.mutate({ language: e.currentTarget.value })} disabled={patch.isPending}>
              <option value="" disabled>
                —
              </option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {enumLabel('language', l)}
                </option>
              ))}
            </NativeSelect>
            <Checkbox size="md" label={t('console.signLanguage')} checked={c.signLanguage} onChange={(e) => patch.mutate({ signLanguage: e.currentTarget.checked })} disabled={patch.isPending} />
          </Group>
          {patch.isError && <Text c="var(--mantine-color-error)">{patch.error.message}</Text>}
          <div ref={messageRef} tabIndex={-1} role="status" data-testid="call-message">
            {message && <Text fw={700}>{message}</Text>}
          </div>
          {c.appeals.length > 0 && (
            <Stack gap={2}>
              <Title order={3} size="h5">
                {t('console.fromThisCall')}
              </Title>
              <ul>
                {c.appeals.map((a) => (
                  <li key={a.id}>
                    <AnchorLink to="/$lang/staff/appeals/$id" params={{ lang, id: a.id }}>
                      {a.number}
                    </AnchorLink>{' '}
                    · {enumLabel('kind', a.kind)} · <StatusBadge status={a.status} />
                  </li>
                ))}
              </ul>
            </Stack>
          )}
          <Group gap="xs" role="group" aria-label={t('console.actions')}>
            <Button onClick={() => start('consultation')} variant={action === 'consultation' ? 'filled' : 'outline'}>
              {t('console.consultation')}
            </Button>
            <Button onClick={() => start('appeal')} variant={action === 'appeal' ? 'filled' : 'outline'}>
              {t('console.appeal')}
            </Button>
            <Button onClick={() => start('redirect')} variant={action === 'redirect' ? 'filled' : 'outline'}>
              {t('console.redirect')}
            </Button>
            <Button onClick={() => start('callback')} variant={action === 'callback' ? 'filled' : 'outline'}>
              {t('console.callback')}
            </Button>
          </Group>
          {c.callback && (
            <Text size="sm" data-testid="call-callback">
              {c.callback.done ? t('console.callbackDoneState') : t('console.callbackDue', { date: formatDateTime(c.callback.dueAt, lang) })} · {t('console.attempts', { count: c.callback.attempts.length })}
            </Text>
          )}
        </Stack>
      </Paper>
      {action && (
        <Paper withBorder p="md">
          <CallForm
            key={`${id}-${action}`}
            action={action}
            call={c}
            ownBodyId={ownBodyId}
            onDone={done}
            onCancel={() => setAction(null)}
            aside={(insert) => <ArticlePicker inputId="kb-search" headingOrder={4} language={c.language ?? undefined} onInsert={(a) => insert(a.body)} />}
          />
        </Paper>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="earlier-title" data-testid="earlier-appeals">
        <Title order={3} size="h4" id="earlier-title" mb="xs">
          {t('console.earlier')}
        </Title>
        {c.earlierAppeals.length === 0 ? (
          <Text>{t('console.noEarlier')}</Text>
        ) : (
          <ul>
            {c.earlierAppeals.map((a) => (
              <li key={a.id}>
                <AnchorLink to="/$lang/staff/appeals/$id" params={{ lang, id: a.id }}>
                  {a.number}
                </AnchorLink>{' '}
                · {formatDateTime(a.receivedAt, lang)} · {enumLabel('kind', a.kind)} · <StatusBadge status={a.status} />
              </li>
            ))}
          </ul>
        )}
      </Paper>
    </>
  );
}
