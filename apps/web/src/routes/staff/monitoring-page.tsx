// The body's daily monitoring: due soon, overdue, past the channel target, late redirects,
// by unit and by channel. A past date shows the register as it stood that day.
import { useState } from 'react';
import { Loader, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';

import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { enumLabel } from '../../i18n/index.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { useMonitoring, type MonitoringCounts, type MonitoringItem } from '../../features/staff/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { ShortcutsHelp } from '../../features/staff/components/shortcuts-help.tsx';
import classes from './staff.module.css';

const COLUMNS: Array<keyof MonitoringCounts> = ['open', 'dueSoon', 'overdue', 'targetMissed', 'redirectOverdue'];

export function MonitoringPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('monitoring.title'));
  const [date, setDate] = useState('');
  const m = useMonitoring(/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined);
  const n = (v: number) => formatNumber(v, lang);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('monitoring.title')}</Title>
      <TextInput type="date" label={t('monitoring.date')} description={t('monitoring.dateHint')} value={date} onChange={(e) => setDate(e.currentTarget.value)} maw={260} />
      {m.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : m.isError ? (
        <Text>{m.error.message}</Text>
      ) : (
        <>
          <Text aria-live="polite">{t('monitoring.asOf', { date: formatDate(m.data.at, lang) })}</Text>
          <ul className={classes.counts} aria-label={t('monitoring.totals')}>
            {(
              [
                ['overdue', m.data.totals.overdue],
                ['dueSoon', m.data.totals.dueSoon],
                ['targetMissed', m.data.totals.targetMissed],
                ['redirectOverdue', m.data.totals.redirectOverdue],
                ['lateRedirectsToday', m.data.totals.lateRedirectsToday],
                ['open', m.data.totals.open],
              ] as const
            ).map(([k, v]) => (
              <li key={k}>
                <div className={classes.count} data-tone={k === 'overdue' ? 'overdue' : k === 'dueSoon' ? 'dueSoon' : undefined} data-testid={`monitoring-${k}`}>
                  <span className={classes.countValue}>{n(v)}</span>
                  {t(`monitoring.count.${k}`)}
                </div>
              </li>
            ))}
          </ul>

          {/* Two tables side by side only where both fit; a grid item may shrink below its table (minWidth 0), which then scrolls in its own region instead of spilling over its neighbour. */}
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
            <CountTable
              title={t('monitoring.byUnit')}
              rows={m.data.byUnit.map((u) => ({ key: u.unitId ?? 'none', label: u.name ? nameIn(u.name, lang) : t('monitoring.noUnit'), counts: u }))}
            />
            <CountTable title={t('monitoring.byChannel')} rows={m.data.byChannel.map((c) => ({ key: c.channel, label: enumLabel('channel', c.channel), counts: c }))} />
          </SimpleGrid>

          <AppealList title={t('monitoring.count.overdue')} items={m.data.overdue} dateOf={(a) => a.legalDueAt} />
          <AppealList title={t('monitoring.count.dueSoon')} items={m.data.dueSoon} dateOf={(a) => a.legalDueAt} />
          <AppealList title={t('monitoring.count.targetMissed')} items={m.data.targetMissed} dateOf={(a) => a.targetDueAt} />
          <AppealList title={t('monitoring.count.redirectOverdue')} items={m.data.redirectOverdue} dateOf={(a) => a.redirectDueAt} />
          <AppealList title={t('monitoring.count.lateRedirectsToday')} items={m.data.lateRedirects} dateOf={(a) => a.redirectDueAt} />
        </>
      )}
      <ShortcutsHelp items={[{ keys: ['q'], label: t('shortcuts.queue') }, { keys: ['n'], label: t('shortcuts.register') }]} />
    </Stack>
  );
}

function CountTable({ title, rows }: { title: string; rows: Array<{ key: string; label: string; counts: MonitoringCounts }> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-label={title} style={{ minWidth: 0 }}>
      <Title order={2} size="h3" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text>{t('monitoring.nothing')}</Text>
      ) : (
        <ScrollRegion label={title}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{title}</Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Th scope="col" key={c} ta="right">
                    {t(`monitoring.count.${c}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={600}>
                    {r.label}
                  </Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Td key={c} ta="right">
                      {formatNumber(r.counts[c], lang)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}

function AppealList({ title, items, dateOf }: { title: string; items: MonitoringItem[]; dateOf: (a: MonitoringItem) => string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <Title order={2} size="h3" mb="xs">
        {title} ({formatNumber(items.length, lang)})
      </Title>
      <ul>
        {items.map((a) => (
          <li key={a.id}>
            <AnchorLink to="/$lang/staff/appeals/$id" params={{ lang, id: a.id }}>
              {a.number}
            </AnchorLink>{' '}
            — {enumLabel('channel', a.channel)} — {t('monitoring.dueOn', { date: formatDate(dateOf(a), lang) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
