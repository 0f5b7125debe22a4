// My queue and my unit's queue: filters, search, overdue and due-soon first.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Button, Group, Loader, NativeSelect, SegmentedControl, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { APPEAL_KINDS, APPEAL_STATUSES, CHANNELS } from '@tyndau/contracts';
import { enumLabel } from '../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { useShortcuts } from '../../lib/shortcuts.ts';
import { FlagBadge, StatusBadge } from '../../components/status-badge.tsx';
import { useAppealList, useAppealPages, useMe, type ListParams, type Me } from '../../features/staff/api.ts';
import { useTopics } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { ShortcutsHelp } from '../../features/staff/components/shortcuts-help.tsx';
import type { QueueSearch } from '../../features/staff/queue-search.ts';
import classes from './staff.module.css';

const route = getRouteApi('/$lang/staff-area/staff');

function defaultView(me: Me): NonNullable<QueueSearch['view']> {
  if (me.role === 'executor') return 'mine';
  return 'body';
}

export function QueuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe().data!;
  const search = route.useSearch();
  const navigate = useNavigate();
  usePageTitle(t('queue.title'));
  const view = search.view ?? defaultView(me);
  const [q, setQ] = useState(search.q ?? '');
  const searchRef = useRef<HTMLInputElement>(null);
  const rowLinks = useRef<Array<HTMLAnchorElement | null>>([]);
  const topics = useTopics();

  const scope: ListParams = view === 'mine' ? { executorId: me.id } : view === 'unit' && me.unitId ? { unitId: me.unitId } : {};
  const params: ListParams = { ...scope, status: search.status, channel: search.channel, kind: search.kind, q: search.q, topic: search.topic, from: search.from, to: search.to, overdue: search.flag === 'overdue' || undefined, dueSoon: search.flag === 'dueSoon' || undefined };
  const list = useAppealPages(params);
  const overdue = useAppealList({ ...scope, overdue: true, limit: 200 });
  const dueSoon = useAppealList({ ...scope, dueSoon: true, limit: 200 });

  const setSearch = (patch: Partial<QueueSearch>) => void navigate({ to: '.', search: (prev: QueueSearch) => ({ ...prev, ...patch }), replace: true });

  // Overdue first, then due soon, then the rest, newest first within each.
  const items = useMemo(() => {
    const all = list.data?.pages.flatMap((p) => p.items) ?? [];
    const rank = (a: (typeof all)[number]) => (a.overdue ? 0 : a.dueSoon ? 1 : 2);
    return [...all].sort((a, b) => rank(a) - rank(b));
  }, [list.data]);

  const moveRow = (delta: number) => {
    const links = rowLinks.current.filter(Boolean) as HTMLAnchorElement[];
    if (!links.length) return;
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    links[Math.min(links.length - 1, Math.max(0, i < 0 ? 0 : i + delta))].focus();
  };

  const bindings = useMemo(
    () => ({
      '/': () => searchRef.current?.focus(),
      j: () => moveRow(1),
      k: () => moveRow(-1),
      '1': () => setSearch({ view: 'mine' }),
      '2': () => me.unitId && setSearch({ view: 'unit' }),
      '3': () => setSearch({ view: 'body' }),
      o: () => setSearch({ flag: search.flag === 'overdue' ? undefined : 'overdue' }),
      d: () => setSearch({ flag: search.flag === 'dueSoon' ? undefined : 'dueSoon' }),
    }),
    [search.flag, me.unitId],
  );
  useShortcuts(bindings);

  function submitSearch(e: FormEvent) {
    e.preventDefault();
    setSearch({ q: q.trim() || undefined });
  }

  const count = (r: typeof overdue) => (r.data ? `${r.data.items.length}${r.data.nextCursor ? '+' : ''}` : '…');
  const topicName = (code: string | null) => {
    if (!code) return '—';
    const tp = topics.data?.find((x) => x.code === code);
    return tp ? nameIn(tp.name, lang) : code;
  };
  const views = [
    { value: 'mine', label: t('queue.viewMine') },
    ...(me.unitId ? [{ value: 'unit', label: t('queue.viewUnit') }] : []),
    { value: 'body', label: t('queue.viewBody') },
  ];

  return (
    <Stack gap="lg">
      <Title order={1}>{t('queue.title')}</Title>

      <ul className={classes.counts} aria-label={t('queue.attention')}>
        {(
          [
            ['overdue', overdue, 'count-overdue'],
            ['dueSoon', dueSoon, 'count-due-soon'],
          ] as const
        ).map(([flag, r, testId]) => (
          <li key={flag}>
            <UnstyledButton className={classes.count} data-tone={flag} aria-pressed={search.flag === flag} data-testid={testId} onClick={() => setSearch({ flag: search.flag === flag ? undefined : flag })}>
              <span className={classes.countValue}>{count(r)}</span>
              {flag === 'overdue' ? t('queue.overdue') : t('queue.dueSoon')}
            </UnstyledButton>
          </li>
        ))}
      </ul>

      <Stack gap="sm" component="section" aria-labelledby="filters-title">
        <Title order={2} size="h3" id="filters-title">
          {t('queue.filters')}
        </Title>
        <div role="group" aria-label={t('queue.view')}>
          <SegmentedControl value={view} onChange={(v) => setSearch({ view: v as QueueSearch['view'] })} data={views} size="md" />
        </div>
        <Group align="end" wrap="wrap">
          <NativeSelect label={t('queue.status')} value={search.status ?? ''} onChange={(e) => setSearch({ status: e.currentTarget.value || undefined })}>
            <option value="">{t('queue.any')}</option>
            {APPEAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {enumLabel('status', s)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('queue.channel')} value={search.channel ?? ''} onChange={(e) => setSearch({ channel: e.currentTarget.value || undefined })}>
            <option value="">{t('queue.any')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {enumLabel('channel', c)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('queue.kind')} value={search.kind ?? ''} onChange={(e) => setSearch({ kind: e.currentTarget.value || undefined })}>
            <option value="">{t('queue.any')}</option>
            {APPEAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {enumLabel('kind', k)}
              </option>
            ))}
          </NativeSelect>
          <form onSubmit={submitSearch} role="search">
            <Group align="end" gap="xs">
              <TextInput ref={searchRef} id="queue-search" type="search" label={t('queue.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
              <Button type="submit" variant="outline">
                {t('queue.find')}
              </Button>
            </Group>
          </form>
          {(search.status || search.channel || search.kind || search.q || search.flag) && (
            <Button variant="subtle" onClick={() => { setQ(''); void navigate({ to: '.', search: { view: search.view } }); }}>
              {t('queue.clear')}
            </Button>
          )}
        </Group>
      </Stack>

      <section aria-labelledby="list-title">
        <Title order={2} size="h3" id="list-title" mb="xs">
          {search.flag === 'overdue' ? t('queue.overdue') : search.flag === 'dueSoon' ? t('queue.dueSoon') : t('queue.list')}
        </Title>
        <div aria-live="polite">{list.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : <Text>{t('queue.shown', { count: items.length })}</Text>}</div>
        {items.length > 0 && (
          <ScrollRegion label={t('queue.list')}>
            <Table className={classes.table} striped highlightOnHover data-testid="queue-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('queue.number')}</Table.Th>
                  <Table.Th scope="col">{t('queue.received')}</Table.Th>
                  <Table.Th scope="col">{t('queue.kindTopic')}</Table.Th>
                  <Table.Th scope="col">{t('queue.status')}</Table.Th>
                  <Table.Th scope="col">{t('queue.legalDue')}</Table.Th>
                  <Table.Th scope="col">{t('queue.excerpt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a, i) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <AnchorLink to="/$lang/staff/appeals/$id" params={{ lang, id: a.id }} className={classes.rowLink} ref={(el: HTMLAnchorElement | null) => void (rowLinks.current[i] = el)}>
                        {a.number}
                      </AnchorLink>
                      <Text size="sm">{enumLabel('channel', a.channel)}</Text>
                    </Table.Td>
                    <Table.Td>{formatDateTime(a.receivedAt, lang)}</Table.Td>
                    <Table.Td>
                      {enumLabel('kind', a.kind)}
                      <Text size="sm">{topicName(a.topicCode)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={a.status} />
                    </Table.Td>
                    <Table.Td>
                      {formatDate(a.legalDueAt, lang)}
                      {a.overdue && (
                        <div>
                          <FlagBadge kind="overdue">{t('queue.flagOverdue')}</FlagBadge>
                        </div>
                      )}
                      {a.dueSoon && (
                        <div>
                          <FlagBadge kind="dueSoon">{t('queue.flagDueSoon')}</FlagBadge>
                        </div>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {a.excerpt}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
        {list.hasNextPage && (
          <Button mt="md" variant="outline" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('queue.more')}
          </Button>
        )}
      </section>

      <ShortcutsHelp
        items={[
          { keys: ['/'], label: t('shortcuts.search') },
          { keys: ['j', 'k'], label: t('shortcuts.rows') },
          { keys: ['Enter'], label: t('shortcuts.open') },
          { keys: ['1', '2', '3'], label: t('shortcuts.views') },
          { keys: ['o'], label: t('shortcuts.overdue') },
          { keys: ['d'], label: t('shortcuts.dueSoon') },
          { keys: ['n'], label: t('shortcuts.register') },
          { keys: ['m'], label: t('shortcuts.monitoring') },
          { keys: ['q'], label: t('shortcuts.queue') },
        ]}
      />
    </Stack>
  );
}
