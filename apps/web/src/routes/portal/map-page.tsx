// The public map of appeals with a place: clustered by the server (a grid that follows the
// zoom, each point rounded to ~100 m), coloured by status, filtered by topic, status and
// period; the same cells as a table beside the map, for keyboards and screen readers.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Button, Checkbox, Group, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { usePageTitle } from '../../lib/page.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLang } from '../../lib/use-lang.ts';
import { useTopics } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { MAP_COLOURS, useMapConfig, useMapPoints, type MapCell, type MapColour, type MapFilters } from '../../features/citymap/api.ts';
import { COLOUR_HEX } from '../../features/citymap/colours.ts';

const CityMap = lazy(() => import('../../components/city-map.tsx'));

/** Astana at a city's zoom: where the map opens. */
const START = { lat: 51.13, lon: 71.43, zoom: 12 };
const START_BBOX = '71.2300,51.0300,71.6300,51.2300';
const ROWS = 50;

export function MapPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('citymap.map.title'));
  const topics = useTopics();
  const config = useMapConfig();
  const [view, setView] = useState({ bbox: START_BBOX, zoom: START.zoom });
  const [topic, setTopic] = useState('');
  const [statuses, setStatuses] = useState<MapColour[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [allRows, setAllRows] = useState(false);
  const filters: MapFilters = { topic: topic || undefined, status: statuses.length ? statuses.join(',') : undefined, from: from || undefined, to: to || undefined };
  const points = useMapPoints(view, filters);
  const cells = points.data?.cells;
  const n = (v: number) => formatNumber(v, lang);
  const colourName = (c: MapColour) => t(`citymap.colour.${c}`);
  const markers = useMemo(
    () => (cells ?? []).map((c: MapCell) => ({ key: `${c.lat},${c.lon}`, lat: c.lat, lon: c.lon, count: c.total, colour: COLOUR_HEX[c.colour], label: t('citymap.map.cellLabel', { count: c.total, status: t(`citymap.colour.${c.colour}`) }) })),
    [cells, t],
  );
  const onView = useCallback((bbox: string, zoom: number) => setView({ bbox, zoom }), []);
  const mainTopics = useMemo(() => (topics.data ?? []).filter((x) => x.parentCode === null), [topics.data]);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('citymap.map.title')}</Title>
      <Text size="lg">{t('citymap.map.lead')}</Text>

      <form onSubmit={(e) => e.preventDefault()} aria-labelledby="map-filters">
        <Title order={2} size="h3" id="map-filters">
          {t('citymap.map.filters')}
        </Title>
        <Group align="flex-end" mt="sm" wrap="wrap">
          <NativeSelect id="map-topic" label={t('citymap.map.topic')} value={topic} onChange={(e) => setTopic(e.currentTarget.value)} maw={320}>
            <option value="">{t('citymap.map.allTopics')}</option>
            {mainTopics.map((tp) => (
              <option key={tp.code} value={tp.code}>
                {nameIn(tp.name, lang)}
              </option>
            ))}
          </NativeSelect>
          <TextInput id="map-from" type="date" label={t('citymap.map.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput id="map-to" type="date" label={t('citymap.map.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </Group>
        <Checkbox.Group label={t('citymap.map.status')} value={statuses} onChange={(v) => setStatuses(v as MapColour[])} mt="sm">
          <Group mt="xs">
            {MAP_COLOURS.map((c) => (
              <Checkbox
                key={c}
                value={c}
                label={
                  <span>
                    <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, background: COLOUR_HEX[c], marginInlineEnd: 6 }} />
                    {colourName(c)}
                  </span>
                }
              />
            ))}
          </Group>
        </Checkbox.Group>
      </form>

      <div aria-live="polite" data-testid="map-summary">
        {points.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : points.isError ? (
          <Text c="var(--mantine-color-error)">{t('common.loadFailed')}</Text>
        ) : (
          <Text fw={600}>
            {t('citymap.map.found', { count: points.data.total })}
            {points.data.truncated ? ` ${t('citymap.map.truncated')}` : ''}
          </Text>
        )}
      </div>

      <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
        {config.isSuccess || config.isError ? (
          <CityMap
            label={t('citymap.map.mapLabel')}
            tilesUrl={config.data?.tilesUrl}
            attribution={config.data?.attribution}
            center={START}
            zoom={START.zoom}
            markers={markers}
            onView={onView}
          />
        ) : null}
      </Suspense>

      <section aria-labelledby="map-list">
        <Title order={2} size="h3" id="map-list">
          {t('citymap.map.listTitle')}
        </Title>
        <Text>{t('citymap.map.listHint')}</Text>
        {cells && cells.length > 0 ? (
          <>
            <ScrollRegion label={t('citymap.map.listTitle')}>
              <Table striped withTableBorder data-testid="map-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('citymap.map.place')}</Table.Th>
                    <Table.Th scope="col">{t('citymap.map.appeals')}</Table.Th>
                    {MAP_COLOURS.map((c) => (
                      <Table.Th key={c} scope="col">
                        {colourName(c)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(allRows ? cells : cells.slice(0, ROWS)).map((c) => (
                    <Table.Tr key={`${c.lat},${c.lon}`}>
                      <Table.Th scope="row">{t('citymap.map.coordinates', { lat: c.lat.toFixed(3), lon: c.lon.toFixed(3) })}</Table.Th>
                      <Table.Td>{n(c.total)}</Table.Td>
                      <Table.Td>{n(c.new)}</Table.Td>
                      <Table.Td>{n(c.inWork)}</Table.Td>
                      <Table.Td>{n(c.solved)}</Table.Td>
                      <Table.Td>{n(c.notSolved)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
            {cells.length > ROWS && !allRows && (
              <Button variant="outline" mt="sm" onClick={() => setAllRows(true)}>
                {t('citymap.map.showAll', { count: cells.length })}
              </Button>
            )}
          </>
        ) : (
          points.isSuccess && <Text>{t('citymap.map.none')}</Text>
        )}
      </section>
    </Stack>
  );
}
