// The body's personal reception bookings by meeting time: the weekly review reads the new
// ones (booked), the official sees what is confirmed; each opens its card.
import { useState } from 'react';
import { Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { useStaffBookings } from '../../features/reception/api.ts';
import { slotDay, slotTime } from '../../features/reception/components/slot-label.ts';
import classes from './staff.module.css';

const FILTERS = ['booked', 'confirmed', 'booked,confirmed', ''] as const;

export function ReceptionStaffPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('receptionStaff.title'));
  const [status, setStatus] = useState<string>('booked');
  const list = useStaffBookings(status);
  const items = list.data?.items ?? [];

  return (
    <Stack gap="lg">
      <Title order={1}>{t('receptionStaff.title')}</Title>
      <Text>{t('receptionStaff.lead')}</Text>
      <Group>
        <AnchorLink to="/$lang/staff/reception/schedules" params={{ lang }}>
          {t('schedules.title')}
        </AnchorLink>
      </Group>
      <NativeSelect id="bookings-status" label={t('receptionStaff.show')} value={status} onChange={(e) => setStatus(e.currentTarget.value)} styles={{ input: { maxWidth: 320 } }}>
        {FILTERS.map((f) => (
          <option key={f} value={f}>
            {t(`receptionStaff.filter.${f === '' ? 'all' : f === 'booked,confirmed' ? 'upcoming' : f}` as 'receptionStaff.filter.all')}
          </option>
        ))}
      </NativeSelect>
      <section aria-labelledby="bookings-title">
        <Title order={2} size="h3" id="bookings-title" mb="xs">
          {t('receptionStaff.list')}
        </Title>
        <div aria-live="polite">{list.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : <Text>{t('receptionStaff.shown', { count: items.length })}</Text>}</div>
        {items.length > 0 && (
          <ScrollRegion label={t('receptionStaff.list')}>
            <Table className={classes.table} striped highlightOnHover data-testid="bookings-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('queue.number')}</Table.Th>
                  <Table.Th scope="col">{t('receptionStaff.when')}</Table.Th>
                  <Table.Th scope="col">{t('reception.official')}</Table.Th>
                  <Table.Th scope="col">{t('card.applicant')}</Table.Th>
                  <Table.Th scope="col">{t('queue.status')}</Table.Th>
                  <Table.Th scope="col">{t('reception.question')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((b) => (
                  <Table.Tr key={b.bookingId}>
                    <Table.Td>
                      <AnchorLink to="/$lang/staff/reception/$number" params={{ lang, number: b.number }}>
                        {b.number}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      {slotDay(b.startsAt, lang)}
                      <Text size="sm">{slotTime(b.startsAt, b.endsAt, lang)}</Text>
                    </Table.Td>
                    <Table.Td>{b.official.name}</Table.Td>
                    <Table.Td>{b.applicant.name}</Table.Td>
                    <Table.Td>{t(`reception.status.${b.status}` as 'reception.status.booked')}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {b.question}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </section>
    </Stack>
  );
}
