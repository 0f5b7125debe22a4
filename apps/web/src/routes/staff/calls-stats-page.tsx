// The contact line's weekly monitoring: calls, answered, missed, abandoned, average wait
// and talk time, first-call resolution, callbacks done, consultations against appeals,
// by day, line, channel or operator. The chart has its table below it (the same numbers,
// for screen readers and for copying), and the chart itself is hidden from them.
import { useMemo, useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Loader, NativeSelect, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../../i18n/index.ts';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useCallStats, type CallStatsRow } from '../../features/calls/api.ts';
import '@mantine/charts/styles.css';
import classes from './staff.module.css';

const GROUPS = ['day', 'line', 'channel', 'agent'] as const;

export function CallsStatsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('callStats.title'));
  // Until a date is chosen the server picks the week (its clock, not the browser's) and
  // says which; the fields show it.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [groupBy, setGroupBy] = useState<(typeof GROUPS)[number]>('day');
  const day = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const stats = useCallStats({ from: day(from), to: day(to), groupBy });
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, lang));
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${formatNumber(Math.round(v * 1000) / 10, lang)} %`);
  const keyLabel = (k: string | null) => (k === null ? '—' : groupBy === 'channel' ? enumLabel('channel', k) : k);
  const series = useMemo(
    () => [
      { name: 'answered', label: t('callStats.answered'), color: 'blue.8' },
      { name: 'missed', label: t('callStats.missed'), color: 'orange.9' },
      { name: 'abandoned', label: t('callStats.abandoned'), color: 'gray.8' },
    ],
    [t],
  );
  const rows = stats.data?.rows ?? [];
  const data = rows.map((r) => ({ key: keyLabel(r.key), answered: r.answered, missed: r.missed, abandoned: r.abandoned }));

  return (
    <Stack gap="lg">
      <Title order={1}>{t('callStats.title')}</Title>
      <Text>{t('callStats.lead')}</Text>
      <Group align="end">
        <TextInput type="date" label={t('callStats.from')} value={from || stats.data?.from || ''} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('callStats.to')} value={to || stats.data?.to || ''} onChange={(e) => setTo(e.currentTarget.value)} />
        <NativeSelect label={t('callStats.groupBy')} value={groupBy} onChange={(e) => setGroupBy(e.currentTarget.value as typeof groupBy)}>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`callStats.groups.${g}`)}
            </option>
          ))}
        </NativeSelect>
      </Group>
      {stats.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : stats.isError ? (
        <Text>{stats.error.message}</Text>
      ) : (
        <>
          <ul className={classes.counts} aria-label={t('callStats.totals')} data-testid="call-totals">
            {(
              [
                ['calls', n(stats.data.total.calls)],
                ['answered', n(stats.data.total.answered)],
                ['missed', n(stats.data.total.missed)],
                ['fcr', pct(stats.data.total.firstCallResolutionRate)],
                ['avgWait', n(stats.data.total.avgWaitSeconds)],
                ['callbacksDone', n(stats.data.total.callbacksDone)],
              ] as const
            ).map(([k, v]) => (
              <li key={k}>
                <div className={classes.count}>
                  <span className={classes.countValue}>{v}</span>
                  {t(`callStats.${k}`)}
                </div>
              </li>
            ))}
          </ul>
          <Paper withBorder p="md" component="figure" m={0} aria-labelledby="calls-chart-caption">
            <Text component="figcaption" id="calls-chart-caption" fw={700} mb="sm">
              {t('callStats.chartCaption', { group: t(`callStats.groups.${groupBy}`) })}
            </Text>
            {/* The table below carries the same numbers; the drawing is not read out. */}
            <div aria-hidden="true">
              <BarChart h={280} data={data} dataKey="key" series={series} type="stacked" withLegend tickLine="y" barChartProps={{ accessibilityLayer: false }} />
            </div>
          </Paper>
          <StatsTable rows={rows} total={stats.data.total} keyLabel={keyLabel} n={n} pct={pct} groupTitle={t(`callStats.groups.${groupBy}`)} />
        </>
      )}
    </Stack>
  );
}

function StatsTable({ rows, total, keyLabel, n, pct, groupTitle }: { rows: CallStatsRow[]; total: CallStatsRow; keyLabel: (k: string | null) => string; n: (v: number | null) => string; pct: (v: number | null) => string; groupTitle: string }) {
  const { t } = useTranslation();
  const cells = (r: CallStatsRow) => [n(r.calls), n(r.answered), n(r.missed), n(r.abandoned), n(r.avgWaitSeconds), n(r.avgTalkSeconds), pct(r.firstCallResolutionRate), n(r.callbacksDone), n(r.consultations), n(r.appeals)];
  const heads = ['calls', 'answered', 'missed', 'abandoned', 'avgWait', 'avgTalk', 'fcr', 'callbacksDone', 'consultations', 'appeals'] as const;
  return (
    <ScrollRegion label={t('callStats.tableCaption')}>
      <Table className={classes.table} data-testid="call-stats-table">
        <caption>{t('callStats.tableCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{groupTitle}</Table.Th>
            {heads.map((h) => (
              <Table.Th scope="col" key={h}>
                {t(`callStats.${h}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key ?? '-'}>
              <Table.Th scope="row">{keyLabel(r.key)}</Table.Th>
              {cells(r).map((c, i) => (
                <Table.Td key={heads[i]}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('callStats.total')}</Table.Th>
            {cells(total).map((c, i) => (
              <Table.Td key={heads[i]}>{c}</Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
