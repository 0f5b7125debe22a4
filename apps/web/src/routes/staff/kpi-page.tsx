// The KPI dashboard: the one set of KPIs over a period, filtered by body (with the bodies
// under it), district, channel and topic; totals, a chart by day and a chart by the chosen
// group, each with its table; the rows lead to their appeals (the staff list's filters);
// the league table of bodies, channel overlap by pair, early-warning surges and the
// report files. Figures come pre-aggregated from the server.
import { useMemo, useState } from 'react';
import { BarChart, LineChart } from '@mantine/charts';
import { Alert, Anchor, Checkbox, Group, Loader, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KPI_CODES, type KpiCode } from '@tyndau/contracts';
import { AnchorLink } from '../../components/links.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { enumLabel } from '../../i18n/index.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { useBodies, useTopics } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { useMe } from '../../features/staff/api.ts';
import { reportUrl, useKpi, useKpiLeague, useKpiOverlap, useKpiSurges, type KpiFilters, type KpiGroupRow } from '../../features/kpi/api.ts';
import { formatKpi, kpiName } from '../../features/kpi/components/kpi-format.ts';
import { KpiTable } from '../../features/kpi/components/kpi-table.tsx';
import { CHANNELS } from '@tyndau/contracts';
import '@mantine/charts/styles.css';
import classes from './staff.module.css';

const GROUPS = ['channel', 'topic', 'unit', 'body', 'district'] as const;
const TERRITORIAL = ['district_akimat', 'city_oblast_akimat', 'city_republican_akimat'];
const CROSS_BODY = ['analyst', 'oversight'];
const HEADLINE: KpiCode[] = ['received', 'open', 'overdue', 'on_time_share', 'avg_answer_days', 'resolved_share', 'satisfaction', 'channel_overlap'];
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export function KpiPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe().data!;
  usePageTitle(t('kpi.title'));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [bodyId, setBodyId] = useState('');
  const [subordinates, setSubordinates] = useState(true);
  const [districtId, setDistrictId] = useState('');
  const [channel, setChannel] = useState('');
  const [topic, setTopic] = useState('');
  const [groupBy, setGroupBy] = useState<(typeof GROUPS)[number]>('channel');
  const bodies = useBodies('');
  const topics = useTopics();
  const filters: KpiFilters = {
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    bodyId: bodyId || undefined,
    subordinates: bodyId ? subordinates : undefined,
    districtId: districtId || undefined,
    channel: channel || undefined,
    topic: topic || undefined,
  };
  const total = useKpi(filters);
  const byDay = useKpi(filters, 'day');
  const grouped = useKpi(filters, groupBy);
  const league = useKpiLeague(filters, true);
  const overlap = useKpiOverlap(filters);
  const surges = useKpiSurges(filters);

  const bodyList = bodies.data?.items ?? [];
  const bodyName = (id: string | null) => nameIn(bodyList.find((b) => b.id === id)?.name, lang) || '—';
  const topicName = (code: string | null) => (code ? nameIn(topics.data?.find((x) => x.code === code)?.name, lang) || code : '—');
  const groupLabel = (g: KpiGroupRow) => {
    if (g.key === null) return t('kpi.none');
    if (groupBy === 'channel') return enumLabel('channel', g.key);
    if (groupBy === 'topic') return g.label ? nameIn(g.label, lang) : topicName(g.key);
    return g.label ? nameIn(g.label, lang) : g.key;
  };
  // Drill-down: the staff list with the same filters (own body's appeals).
  const appealsOf = (extra: { channel?: string; topic?: string; from?: string; to?: string }) => ({
    channel: extra.channel ?? filters.channel,
    topic: extra.topic ?? filters.topic,
    from: extra.from ?? total.data?.from,
    to: extra.to ?? total.data?.to,
  });
  const drill = (g: KpiGroupRow) =>
    g.key && (groupBy === 'channel' || groupBy === 'topic') ? (
      <AnchorLink to="/$lang/staff" params={{ lang }} search={appealsOf(groupBy === 'channel' ? { channel: g.key } : { topic: g.key })}>
        {groupLabel(g)}
      </AnchorLink>
    ) : (
      groupLabel(g)
    );

  const days = useMemo(
    () => (byDay.data?.groups ?? []).map((g) => ({ day: g.key ?? '', received: g.kpis.received ?? 0, overdue: g.kpis.overdue ?? 0, onTime: g.kpis.on_time_share === null ? null : Math.round(g.kpis.on_time_share * 1000) / 10 })),
    [byDay.data],
  );
  const groupData = (grouped.data?.groups ?? []).slice(0, 15).map((g) => ({ group: groupLabel(g), received: g.kpis.received ?? 0, overdue: g.kpis.overdue ?? 0 }));
  const districts = bodyList.filter((b) => TERRITORIAL.includes(b.kind));

  return (
    <Stack gap="lg">
      <Title order={1}>{t('kpi.title')}</Title>
      <Text>{t('kpi.lead')}</Text>
      <form aria-label={t('kpi.filters')} onSubmit={(e) => e.preventDefault()}>
        <Group align="end" wrap="wrap">
          <TextInput type="date" label={t('kpi.from')} value={from || total.data?.from || ''} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="date" label={t('kpi.to')} value={to || total.data?.to || ''} onChange={(e) => setTo(e.currentTarget.value)} />
          <NativeSelect label={t('kpi.body')} value={bodyId} onChange={(e) => setBodyId(e.currentTarget.value)} maw={320}>
            <option value="">{CROSS_BODY.includes(me.role) ? t('kpi.allBodies') : t('kpi.myBodies')}</option>
            {bodyList.map((b) => (
              <option key={b.id} value={b.id}>
                {nameIn(b.name, lang)}
              </option>
            ))}
          </NativeSelect>
          <Checkbox label={t('kpi.subordinates')} checked={subordinates} disabled={!bodyId} onChange={(e) => setSubordinates(e.currentTarget.checked)} />
          <NativeSelect label={t('kpi.district')} value={districtId} onChange={(e) => setDistrictId(e.currentTarget.value)} maw={280}>
            <option value="">{t('kpi.any')}</option>
            {districts.map((b) => (
              <option key={b.id} value={b.id}>
                {nameIn(b.name, lang)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('kpi.channel')} value={channel} onChange={(e) => setChannel(e.currentTarget.value)}>
            <option value="">{t('kpi.any')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {enumLabel('channel', c)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('kpi.topic')} value={topic} onChange={(e) => setTopic(e.currentTarget.value)} maw={280}>
            <option value="">{t('kpi.any')}</option>
            {(topics.data ?? []).map((x) => (
              <option key={x.code} value={x.code}>
                {nameIn(x.name, lang)}
              </option>
            ))}
          </NativeSelect>
        </Group>
      </form>

      {total.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : total.isError ? (
        <Alert color="red" role="alert">
          {total.error.message}
        </Alert>
      ) : (
        <>
          <ul className={classes.counts} aria-label={t('kpi.totals')} data-testid="kpi-totals">
            {HEADLINE.map((c) => (
              <li key={c}>
                <div className={classes.count} data-testid={`kpi-${c}`}>
                  <span className={classes.countValue}>{formatKpi(c, total.data.totals.kpis[c], lang)}</span>
                  {kpiName(c, lang)}
                </div>
              </li>
            ))}
          </ul>
          <Group gap="md">
            <Anchor href={reportUrl('pdf', filters, lang)} download>
              {t('kpi.reportPdf')}
            </Anchor>
            <Anchor href={reportUrl('xlsx', filters, lang)} download>
              {t('kpi.reportXlsx')}
            </Anchor>
          </Group>
          <KpiTable
            caption={t('kpi.allTotals')}
            groupTitle={t('kpi.period')}
            rows={[{ key: 'total', head: `${formatDate(total.data.from, lang)} – ${formatDate(total.data.to, lang)}`, kpis: total.data.totals.kpis }]}
            testId="kpi-total-table"
          />
        </>
      )}

      <section aria-labelledby="kpi-days">
        <Title order={2} id="kpi-days" size="h3" mb="xs">
          {t('kpi.byDay')}
        </Title>
        <Paper withBorder p="md" component="figure" m={0}>
          <div aria-hidden="true">
            <LineChart h={260} data={days} dataKey="day" series={[{ name: 'received', label: kpiName('received', lang), color: 'blue.8' }, { name: 'overdue', label: kpiName('overdue', lang), color: 'red.9' }]} withLegend curveType="linear" lineChartProps={{ accessibilityLayer: false }} />
          </div>
          <Text component="figcaption" size="sm">
            {t('kpi.chartHasTable')}
          </Text>
        </Paper>
        <KpiTable
          caption={t('kpi.byDay')}
          groupTitle={t('kpi.day')}
          codes={['received', 'open', 'overdue', 'on_time_share', 'avg_answer_days', 'resolved_share']}
          rows={(byDay.data?.groups ?? []).map((g) => ({ key: g.key ?? '-', head: g.key ? <AnchorLink to="/$lang/staff" params={{ lang }} search={appealsOf({ from: g.key, to: g.key })}>{formatDate(g.key, lang)}</AnchorLink> : '—', kpis: g.kpis }))}
          testId="kpi-day-table"
        />
      </section>

      <section aria-labelledby="kpi-groups">
        <Group align="end" justify="space-between">
          <Title order={2} id="kpi-groups" size="h3">
            {t('kpi.byGroup', { group: t(`kpi.groups.${groupBy}`) })}
          </Title>
          <NativeSelect label={t('kpi.groupBy')} value={groupBy} onChange={(e) => setGroupBy(e.currentTarget.value as typeof groupBy)}>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`kpi.groups.${g}`)}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <Paper withBorder p="md" component="figure" m={0} mt="sm">
          <div aria-hidden="true">
            <BarChart h={280} data={groupData} dataKey="group" series={[{ name: 'received', label: kpiName('received', lang), color: 'blue.8' }, { name: 'overdue', label: kpiName('overdue', lang), color: 'red.9' }]} withLegend tickLine="y" barChartProps={{ accessibilityLayer: false }} />
          </div>
          <Text component="figcaption" size="sm">
            {t('kpi.chartHasTable')}
          </Text>
        </Paper>
        <KpiTable caption={t('kpi.byGroup', { group: t(`kpi.groups.${groupBy}`) })} groupTitle={t(`kpi.groups.${groupBy}`)} rows={(grouped.data?.groups ?? []).map((g) => ({ key: g.key ?? '-', head: drill(g), kpis: g.kpis }))} testId="kpi-group-table" />
      </section>

      <section aria-labelledby="kpi-league">
        <Title order={2} id="kpi-league" size="h3" mb="xs">
          {t('kpi.league')}
        </Title>
        <Text size="sm" mb="xs">
          {t('kpi.leagueLead')}
        </Text>
        <KpiTable
          caption={t('kpi.league')}
          groupTitle={t('kpi.groups.body')}
          leadTitle={t('kpi.rank')}
          codes={KPI_CODES.filter((c) => c !== 'open')}
          rows={(league.data?.groups ?? []).map((g) => ({ key: g.key ?? '-', lead: formatNumber(g.rank ?? 0, lang), head: g.label ? nameIn(g.label, lang) : bodyName(g.key), kpis: g.kpis }))}
          testId="kpi-league-table"
        />
      </section>

      <section aria-labelledby="kpi-overlap">
        <Title order={2} id="kpi-overlap" size="h3" mb="xs">
          {t('kpi.overlap')}
        </Title>
        {overlap.data && (
          <>
            <Text mb="xs">{t('kpi.overlapLead', { days: overlap.data.windowDays, overlapping: overlap.data.overlapping, received: overlap.data.received, share: formatKpi('channel_overlap', overlap.data.share, lang) })}</Text>
            {overlap.data.pairs.length === 0 ? (
              <Text>{t('kpi.noOverlap')}</Text>
            ) : (
              <ScrollRegion label={t('kpi.overlap')}>
                <table className={classes.table} data-testid="kpi-overlap-table">
                  <caption>{t('kpi.overlapPairs')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('kpi.pair')}</th>
                      <th scope="col">{t('kpi.appeals')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overlap.data.pairs.map((p) => (
                      <tr key={p.channels.join('+')}>
                        <th scope="row">{p.channels.map((c) => enumLabel('channel', c)).join(' + ')}</th>
                        <td>{formatNumber(p.appeals, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="kpi-surges">
        <Title order={2} id="kpi-surges" size="h3" mb="xs">
          {t('kpi.surges')}
        </Title>
        {(surges.data?.items ?? []).length === 0 ? (
          <Text>{t('kpi.noSurges')}</Text>
        ) : (
          <ul data-testid="kpi-surges">
            {surges.data!.items.map((s) => (
              <li key={s.id}>
                <strong>{s.topic ? nameIn(s.topic, lang) : s.topicCode}</strong> — {bodyName(s.bodyId)}, {formatDate(s.day, lang)}: {t('kpi.surgeLine', { count: s.count, baseline: formatNumber(s.baseline, lang) })}{' '}
                {(s.bodyId === me.bodyId || CROSS_BODY.includes(me.role)) && (
                  <AnchorLink to="/$lang/staff" params={{ lang }} search={{ topic: s.appeals.topic, from: s.appeals.from, to: s.appeals.to }}>
                    {t('kpi.surgeAppeals')}
                  </AnchorLink>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Stack>
  );
}
