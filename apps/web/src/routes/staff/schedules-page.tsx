// Reception schedules: the communications office drafts a head's or deputy's slots for a
// quarter, the head approves them (then citizens can book); a month of the quarter without
// a reception is flagged (the law wants at least one a month).
import { ALMATY_UTC_OFFSET } from '@tyndau/contracts';
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Fieldset, Group, Loader, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { AnchorLink } from '../../components/links.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useMe } from '../../features/staff/api.ts';
import { approveSchedule, createSchedule, useOfficials, useSchedules, type Schedule } from '../../features/reception/api.ts';
import { slotDay, slotTime } from '../../features/reception/components/slot-label.ts';
import classes from './staff.module.css';

const DRAFTERS = ['comms_officer', 'admin'];

export function SchedulesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe().data!;
  usePageTitle(t('schedules.title'));
  const schedules = useSchedules('');
  const quarters = [...new Set((schedules.data ?? []).map((s) => s.quarter))];

  return (
    <Stack gap="lg">
      <AnchorLink to="/$lang/staff/reception" params={{ lang }}>
        {t('receptionStaff.title')}
      </AnchorLink>
      <Title order={1}>{t('schedules.title')}</Title>
      <Text>{t('schedules.lead')}</Text>
      {DRAFTERS.includes(me.role) && <DraftForm bodyId={me.bodyId} />}
      {schedules.isPending && <Loader aria-label={t('common.loading')} />}
      {quarters.map((q) => (
        <section key={q} aria-labelledby={`q-${q}`}>
          <Title order={2} size="h3" id={`q-${q}`} mb="sm">
            {t('schedules.quarter', { quarter: q })}
          </Title>
          <Stack>
            {(schedules.data ?? [])
              .filter((s) => s.quarter === q)
              .map((s) => (
                <ScheduleCard key={s.id} schedule={s} canApprove={me.role === 'head'} />
              ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

function ScheduleCard({ schedule: s, canApprove }: { schedule: Schedule; canApprove: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const approve = useMutation({ mutationFn: () => approveSchedule(s.id), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['reception-schedules'] }) });
  return (
    <Paper withBorder p="md" data-testid="schedule">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {s.official.name} · {enumLabel('role', s.official.role)}
        </Title>
        <Badge color={s.status === 'approved' ? 'green' : 'gray'} variant="outline" size="lg">
          {t(`schedules.status.${s.status}`)}
        </Badge>
      </Group>
      {s.warnings.map((w) => (
        <Alert key={w.month} color="orange" mt="sm">
          {t('schedules.lessThanMonthly', { month: w.month })}
        </Alert>
      ))}
      <Text mt="sm">{t('schedules.slots', { count: s.slots.length })}</Text>
      {s.slots.length > 0 && (
        <ScrollRegion label={t('schedules.slotsOf', { name: s.official.name })}>
          <Table className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('schedules.date')}</Table.Th>
                <Table.Th scope="col">{t('schedules.time')}</Table.Th>
                <Table.Th scope="col">{t('reception.place')}</Table.Th>
                <Table.Th scope="col">{t('schedules.booked')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.slots.slice(0, 12).map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{slotDay(x.startsAt, lang)}</Table.Td>
                  <Table.Td>{slotTime(x.startsAt, x.endsAt, lang)}</Table.Td>
                  <Table.Td>{x.place ?? x.videoUrl}</Table.Td>
                  <Table.Td>
                    {x.booked} / {x.capacity}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {s.status === 'draft' && canApprove && (
        <Button mt="md" onClick={() => approve.mutate()} loading={approve.isPending}>
          {t('schedules.approve')}
        </Button>
      )}
    </Paper>
  );
}

interface Row {
  date: string;
  from: string;
  to: string;
  place: string;
  capacity: number;
}

function DraftForm({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const officials = useOfficials(bodyId);
  const [officialId, setOfficialId] = useState('');
  const [quarter, setQuarter] = useState('');
  const [rows, setRows] = useState<Row[]>([{ date: '', from: '10:00', to: '11:00', place: '', capacity: 3 }]);
  const [problem, setProblem] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () =>
      createSchedule({
        officialId,
        quarter: quarter.trim().toUpperCase(),
        slots: rows.filter((r) => r.date).map((r) => ({ startsAt: new Date(`${r.date}T${r.from}:00${ALMATY_UTC_OFFSET}`).toISOString(), endsAt: new Date(`${r.date}T${r.to}:00${ALMATY_UTC_OFFSET}`).toISOString(), place: r.place.trim(), capacity: r.capacity })),
      }),
    onSuccess: () => {
      setProblem(null);
      setRows([{ date: '', from: '10:00', to: '11:00', place: '', capacity: 3 }]);
      void queryClient.invalidateQueries({ queryKey: ['reception-schedules'] });
    },
    onError: (e) => setProblem(e instanceof ApiError ? e.message : t('errors.network')),
  });
  const setRow = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!officialId || !/^\d{4}-Q[1-4]$/i.test(quarter.trim())) return setProblem(t('schedules.officialAndQuarter'));
    m.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t('schedules.draft')}>
        <Stack>
          <NativeSelect id="schedule-official" label={t('reception.official')} value={officialId} onChange={(e) => setOfficialId(e.currentTarget.value)} styles={{ input: { maxWidth: 420 } }}>
            <option value="">{t('reception.chooseOfficial')}</option>
            {(officials.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} · {enumLabel('role', o.role)}
              </option>
            ))}
          </NativeSelect>
          <TextInput id="schedule-quarter" label={t('schedules.quarterField')} description={t('schedules.quarterHint')} value={quarter} onChange={(e) => setQuarter(e.currentTarget.value)} styles={{ input: { maxWidth: 200 } }} />
          {rows.map((r, i) => (
            <Group key={i} align="end" wrap="wrap">
              <TextInput type="date" label={t('schedules.date')} value={r.date} onChange={(e) => setRow(i, { date: e.currentTarget.value })} lang={lang} />
              <TextInput type="time" label={t('schedules.from')} value={r.from} onChange={(e) => setRow(i, { from: e.currentTarget.value })} />
              <TextInput type="time" label={t('schedules.to')} value={r.to} onChange={(e) => setRow(i, { to: e.currentTarget.value })} />
              <TextInput label={t('reception.place')} value={r.place} onChange={(e) => setRow(i, { place: e.currentTarget.value })} />
              <NumberInput label={t('schedules.capacity')} value={r.capacity} min={1} max={100} onChange={(v) => setRow(i, { capacity: Number(v) || 1 })} w={120} />
            </Group>
          ))}
          <Group>
            <Button variant="outline" onClick={() => setRows((rs) => [...rs, { ...rs[rs.length - 1], date: '' }])}>
              {t('schedules.addSlot')}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {t('schedules.saveDraft')}
            </Button>
          </Group>
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}
