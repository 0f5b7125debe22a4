// A citizen's own booking, found by its number and access code: when and where, what
// became of it, and, while the meeting is still ahead, a way to move it to another time
// with the same official or to cancel it.
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { cancelCitizenBooking, getCitizenBooking, rescheduleCitizenBooking, useSlots, type CitizenBooking } from '../../features/reception/api.ts';
import { slotDay, slotTime } from '../../features/reception/components/slot-label.ts';
import { SlotChoice } from '../../features/reception/components/slot-choice.tsx';

const route = getRouteApi('/$lang/reception/booking');

export function ReceptionBookingPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const search = route.useSearch();
  usePageTitle(t('reception.manageTitle'));
  const [number, setNumber] = useState(search.number ?? '');
  const [code, setCode] = useState('');
  const [booking, setBooking] = useState<CitizenBooking | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const result = useRef<HTMLHeadingElement>(null);

  const find = useMutation({
    mutationFn: () => getCitizenBooking(number.trim().toUpperCase(), code.trim().toUpperCase()),
    onSuccess: (b) => {
      setBooking(b);
      setProblem(null);
      focusSoon(() => result.current);
    },
    onError: (e) => setProblem(e instanceof ApiError && e.status === 404 ? t('reception.notFound') : e instanceof ApiError ? e.message : t('errors.network')),
  });
  const changed = (b: CitizenBooking) => {
    setBooking(b);
    setProblem(null);
    focusSoon(() => result.current);
  };
  const failed = (e: unknown) => setProblem(e instanceof ApiError ? e.message : t('errors.network'));
  const cancel = useMutation({ mutationFn: () => cancelCitizenBooking(number.trim().toUpperCase(), code.trim().toUpperCase()), onSuccess: changed, onError: failed });
  const [newSlotId, setNewSlotId] = useState('');
  const [slotProblem, setSlotProblem] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: () => rescheduleCitizenBooking(number.trim().toUpperCase(), code.trim().toUpperCase(), newSlotId),
    onSuccess: (b) => {
      setNewSlotId('');
      changed(b);
    },
    onError: failed,
  });
  // Other times with the same official, for moving the booking.
  const slots = useSlots(booking?.canChange ? booking.bodyId : undefined);
  const otherSlots = (slots.data ?? []).filter((s) => s.officialId === booking?.officialId && s.id !== booking?.slotId);

  function moveBooking(e: FormEvent) {
    e.preventDefault();
    if (!newSlotId) {
      setSlotProblem(t('reception.chooseSlot'));
      return;
    }
    setSlotProblem(null);
    move.mutate();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!number.trim() || !code.trim()) {
      setProblem(t('reception.numberAndCode'));
      return;
    }
    find.mutate();
  }

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('reception.manageTitle')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput id="booking-number" label={t('track.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} autoComplete="off" styles={{ input: { maxWidth: 320 } }} />
          <TextInput id="booking-code" label={t('track.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoComplete="off" styles={{ input: { maxWidth: 320 } }} />
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group>
            <Button type="submit" size="lg" loading={find.isPending}>
              {t('reception.find')}
            </Button>
          </Group>
        </Stack>
      </form>
      {booking && (
        <Paper withBorder p="lg" data-testid="citizen-booking">
          <Stack>
            <Title order={2} ref={result} tabIndex={-1}>
              {t('reception.bookingOf', { number: booking.number })}
            </Title>
            <Text size="lg">
              {slotDay(booking.startsAt, lang)}, {slotTime(booking.startsAt, booking.endsAt, lang)} · {booking.officialName} ({enumLabel('role', booking.officialRole)})
            </Text>
            {(booking.place || booking.videoUrl) && (
              <Text>
                {t('reception.place')}: {booking.place ?? booking.videoUrl}
              </Text>
            )}
            <Text fw={700} data-testid="citizen-booking-status">
              {t(`reception.status.${booking.status}` as 'reception.status.booked')}
            </Text>
            {booking.decision && (
              <Text>
                {t('reception.decision')}: {booking.decision}
              </Text>
            )}
            {booking.canChange && (
              <Group>
                <Button color="red" variant="outline" size="md" loading={cancel.isPending} onClick={() => cancel.mutate()}>
                  {t('reception.cancel')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      {booking?.canChange && (
        <form onSubmit={moveBooking} noValidate>
          <Stack>
            <Title order={2}>{t('reception.moveTitle')}</Title>
            {slots.isSuccess && otherSlots.length === 0 ? (
              <Text>{t('reception.noOtherSlots')}</Text>
            ) : (
              <>
                <SlotChoice id="new-slot" slots={otherSlots} value={newSlotId} onChange={setNewSlotId} error={slotProblem} />
                <Group>
                  <Button type="submit" size="md" loading={move.isPending}>
                    {t('reception.moveSubmit')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </form>
      )}
    </Stack>
  );
}
