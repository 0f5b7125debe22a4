// An optional place on the map, from the device's location (asked only when the person presses the button).
import { useState } from 'react';
import { Button, Group, Input, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { useLang } from '../../../lib/use-lang.ts';

export function LocationField({ value, onChange }: { value: { lat: number; lon: number } | null; onChange: (v: { lat: number; lon: number } | null) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [state, setState] = useState<'idle' | 'asking' | 'failed'>('idle');
  if (typeof navigator === 'undefined' || !navigator.geolocation) return null;
  const coord = (n: number) => formatNumber(Math.round(n * 100000) / 100000, lang);
  return (
    <div>
      <Input.Label size="md" component="div">
        {t('appeal.location')} {t('common.optional')}
      </Input.Label>
      <Input.Description size="md">{t('appeal.locationHint')}</Input.Description>
      <Group mt="xs" aria-live="polite">
        {value ? (
          <>
            <Text>{t('appeal.locationAdded', { lat: coord(value.lat), lon: coord(value.lon) })}</Text>
            <Button variant="outline" onClick={() => onChange(null)}>
              {t('appeal.locationRemove')}
            </Button>
          </>
        ) : (
          <>
            <Button
              variant="outline"
              loading={state === 'asking'}
              onClick={() => {
                setState('asking');
                navigator.geolocation.getCurrentPosition(
                  (p) => {
                    setState('idle');
                    onChange({ lat: p.coords.latitude, lon: p.coords.longitude });
                  },
                  () => setState('failed'),
                  { timeout: 15000 },
                );
              }}
            >
              {t('appeal.locationAdd')}
            </Button>
            {state === 'failed' && <Text c="var(--mantine-color-error)">{t('appeal.locationFailed')}</Text>}
          </>
        )}
      </Group>
    </div>
  );
}
