// The choice of a reception time: open times grouped by day, each with how many places
// are left; a full one cannot be chosen. Used to book and to move a booking.
import { Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../lib/use-lang.ts';
import type { Slot } from '../api.ts';
import { byDay, slotDay, slotTime } from './slot-label.ts';

export function SlotChoice(props: { id: string; slots: Slot[]; value: string; onChange: (slotId: string) => void; error?: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Radio.Group id={props.id} label={t('reception.slot')} description={t('reception.slotHint')} value={props.value} onChange={props.onChange} error={props.error}>
      <Stack gap="md" mt="xs">
        {byDay(props.slots).map((d) => (
          <div key={d.day}>
            <Text fw={700}>{slotDay(d.items[0]!.startsAt, lang)}</Text>
            <Stack gap={6} mt={4}>
              {d.items.map((s) => (
                <Radio
                  key={s.id}
                  value={s.id}
                  size="md"
                  disabled={s.available <= 0}
                  label={`${slotTime(s.startsAt, s.endsAt, lang)} · ${s.available > 0 ? t('reception.placesLeft', { count: s.available }) : t('reception.full')}`}
                  description={s.place ?? s.videoUrl ?? undefined}
                />
              ))}
            </Stack>
          </div>
        ))}
      </Stack>
    </Radio.Group>
  );
}
