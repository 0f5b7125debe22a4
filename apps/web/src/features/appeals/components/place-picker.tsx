// Pick the place on a map: a click (or tap) puts the point; keyboard users move the map
// with the arrow keys and put the point at its centre with a button. The map (Leaflet) is
// loaded only when the person opens it.
import { lazy, Suspense, useRef, useState } from 'react';
import { Button, Group, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type L from 'leaflet';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api.ts';

const CityMap = lazy(() => import('../../../components/city-map.tsx'));
const ASTANA = { lat: 51.13, lon: 71.43 };

export function PlacePicker({ value, onChange }: { value: { lat: number; lon: number } | null; onChange: (v: { lat: number; lon: number }) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const mapRef = useRef<L.Map | null>(null);
  const tiles = useQuery({ queryKey: ['map', 'config'], queryFn: () => api<{ tilesUrl: string; attribution: string }>('/map/config'), staleTime: Infinity, enabled: open });
  const round = (p: { lat: number; lon: number }) => ({ lat: Math.round(p.lat * 1e6) / 1e6, lon: Math.round(p.lon * 1e6) / 1e6 });
  if (!open)
    return (
      <Group>
        <Button variant="outline" onClick={() => setOpen(true)} data-testid="pick-on-map">
          {t('citymap.place.open')}
        </Button>
      </Group>
    );
  return (
    <div>
      <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
        {(tiles.isSuccess || tiles.isError) && (
          <CityMap small label={t('citymap.place.mapLabel')} tilesUrl={tiles.data?.tilesUrl} attribution={tiles.data?.attribution} center={value ?? ASTANA} zoom={value ? 16 : 12} picked={value} onPick={(p) => onChange(round(p))} mapRef={mapRef} />
        )}
      </Suspense>
      <Group mt="xs">
        <Button
          variant="outline"
          onClick={() => {
            const c = mapRef.current?.getCenter();
            if (c) onChange(round({ lat: c.lat, lon: c.lng }));
          }}
        >
          {t('citymap.place.centre')}
        </Button>
        <Button variant="subtle" onClick={() => setOpen(false)}>
          {t('citymap.place.close')}
        </Button>
      </Group>
    </div>
  );
}
