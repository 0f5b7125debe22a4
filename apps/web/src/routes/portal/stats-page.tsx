// Public statistics: the same KPIs as the staff dashboard, with no personal data (no
// units, and groups of fewer than three appeals left out; the server decides both).
import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Loader, NativeSelect, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KpiCode } from '@tyndau/contracts';
import { enumLabel } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { usePublicStats } from '../../features/kpi/api.ts';
import { formatKpi, kpiName } from '../../features/kpi/components/kpi-format.ts';
import { KpiTable } from '../../features/kpi/components/kpi-table.tsx';
import '@mantine/charts/styles.css';

const GROUPS = ['channel', 'topic', 'body', 'district'] as const;
const PUBLIC_CODES: KpiCode[] = ['received', 'open', 'overdue', 'on_time_share', 'avg_answer_days', 'redirected_share', 'resolved_share', 'satisfaction', 'repeat_rate', 'channel_overlap'];
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export function StatsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('kpi.publicTitle'));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [groupBy, setGroupBy] = useState<(typeof GROUPS)[number]>('channel');
  const stats = usePublicStats({ from: isDay(from) ? from : undefined, to: isDay(to) ? to : undefined, groupBy });
  const label = (key: string | null, l: Record<'kk' | 'ru' | 'en', string> | null) => (key === null ? t('kpi.none') : groupBy === 'channel' ? enumLabel('channel', key) : l ? nameIn(l, lang) : key);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('kpi.publicTitle')}</Title>
      <Text>{t('kpi.publicLead')}</Text>
      <Group align="end" wrap="wrap">
        <TextInput type="date" label={t('kpi.from')} value={from || stats.data?.from || ''} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('kpi.to')} value={to || stats.data?.to || ''} onChange={(e) => setTo(e.currentTarget.value)} />
        <NativeSelect label={t('kpi.groupBy')} value={groupBy} onChange={(e) => setGroupBy(e.currentTarget.value as typeof groupBy)}>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`kpi.groups.${g}`)}
            </option>
          ))}
        </NativeSelect>
      </Group>
      {stats.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : stats.isError ? (
        <Text role="alert">{stats.error.message}</Text>
      ) : (
        <>
          <Text>{t('kpi.periodLine', { from: formatDate(stats.data.from, lang), to: formatDate(stats.data.to, lang) })}</Text>
          <dl data-testid="stats-totals" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', gap: '0.75rem', margin: 0 }}>
            {PUBLIC_CODES.map((c) => (
              <div key={c}>
                <dt>{kpiName(c, lang)}</dt>
                <dd style={{ margin: 0, fontSize: '1.5rem', fontWeight: 700 }}>{formatKpi(c, stats.data.totals[c], lang)}</dd>
              </div>
            ))}
          </dl>
          <Paper withBorder p="md" component="figure" m={0}>
            <div aria-hidden="true">
              <BarChart h={280} data={stats.data.groups.slice(0, 15).map((g) => ({ group: label(g.key, g.label), received: g.kpis.received ?? 0 }))} dataKey="group" series={[{ name: 'received', label: kpiName('received', lang), color: 'blue.8' }]} tickLine="y" barChartProps={{ accessibilityLayer: false }} />
            </div>
            <Text component="figcaption" size="sm">
              {t('kpi.chartHasTable')}
            </Text>
          </Paper>
          <KpiTable
            caption={t('kpi.byGroup', { group: t(`kpi.groups.${groupBy}`) })}
            groupTitle={t(`kpi.groups.${groupBy}`)}
            codes={PUBLIC_CODES}
            rows={stats.data.groups.map((g) => ({ key: g.key ?? '-', head: label(g.key, g.label), kpis: g.kpis }))}
            testId="stats-table"
          />
        </>
      )}
    </Stack>
  );
}
