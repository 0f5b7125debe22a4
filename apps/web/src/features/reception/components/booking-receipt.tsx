// What a citizen keeps after booking: the number and access code, when, where and with whom.
import { useEffect, useRef } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/links.tsx';
import { focusSoon } from '../../../lib/page.ts';
import { useLang } from '../../../lib/use-lang.ts';
import type { BookingResult } from '@tyndau/contracts';
import { slotDay, slotTime } from './slot-label.ts';
import classes from '../../../lib/portal.module.css';

export function BookingReceipt({ booking, bodyName }: { booking: BookingResult; bodyName: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => focusSoon(() => heading.current), []);
  return (
    <Stack gap="lg" className={classes.receipt} data-testid="booking-receipt">
      <Title order={2} ref={heading} tabIndex={-1}>
        {t('reception.bookedTitle')}
      </Title>
      <Text size="lg">
        {slotDay(booking.startsAt, lang)}, {slotTime(booking.startsAt, booking.endsAt, lang)} · {booking.officialName}
      </Text>
      {(booking.place || booking.videoUrl) && (
        <Text>
          {t('reception.place')}: {booking.place ?? booking.videoUrl}
        </Text>
      )}
      {bodyName && <Text>{bodyName}</Text>}
      <Text size="lg">{t('receipt.keep')}</Text>
      <div>
        <Text fw={700}>{t('receipt.number')}</Text>
        <div className={classes.big} data-testid="booking-number">
          {booking.number}
        </div>
      </div>
      <div>
        <Text fw={700}>{t('receipt.accessCode')}</Text>
        <div className={classes.big} data-testid="booking-code">
          {booking.accessCode}
        </div>
      </div>
      <Text>{booking.remindAt ? t('reception.willRemind') : t('reception.noReminder')}</Text>
      <Text>{t('reception.reviewNote')}</Text>
      <Group className="no-print">
        <Button size="lg" onClick={() => window.print()}>
          {t('receipt.print')}
        </Button>
        <ButtonLink size="lg" variant="outline" to="/$lang/reception/booking" params={{ lang }} search={{ number: booking.number }}>
          {t('reception.manageLink')}
        </ButtonLink>
      </Group>
    </Stack>
  );
}
