// The counter: log a consultation in one click, register a visitor's appeal and print the
// receipt, and see today's and this week's figures — for the front office or the public
// reception (with its contact line and online requests).
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Fieldset, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { APPEAL_KINDS } from '@tyndau/contracts';
import { enumLabel } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { LANGUAGES } from '../../lib/languages.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { logConsultation, registerDeskAppeal, SUB_SOURCES, useDeskDaily, useDeskWeek, VISIT_PURPOSES, type Desk, type DeskAppealResult } from '../../features/reception/api.ts';
import classes from './staff.module.css';

export function FrontOfficePage() {
  const { t } = useTranslation();
  usePageTitle(t('desk.title'));
  const [desk, setDesk] = useState<Desk>('front_office');
  return (
    <Stack gap="lg">
      <Title order={1}>{t('desk.title')}</Title>
      <Radio.Group id="desk" label={t('desk.which')} value={desk} onChange={(v) => setDesk(v as Desk)}>
        <Group mt="xs">
          <Radio value="front_office" size="md" label={enumLabel('channel', 'front_office')} />
          <Radio value="public_reception" size="md" label={enumLabel('channel', 'public_reception')} />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ConsultationForm desk={desk} />
        <Figures desk={desk} />
      </SimpleGrid>
      <QuickAppeal desk={desk} />
      <Week desk={desk} />
    </Stack>
  );
}

function ConsultationForm({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [purpose, setPurpose] = useState('consultation');
  const [language, setLanguage] = useState<string>(lang);
  const [subSource, setSubSource] = useState('visit');
  const [logged, setLogged] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () => logConsultation({ desk, purpose, language, subSource: desk === 'public_reception' ? subSource : undefined }),
    onSuccess: (r) => {
      setLogged(r.at);
      void queryClient.invalidateQueries({ queryKey: ['desk-daily'] });
      void queryClient.invalidateQueries({ queryKey: ['desk-week'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    m.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t('desk.consultation')}>
        <Stack>
          <NativeSelect id="desk-purpose" label={t('desk.purpose')} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)}>
            {VISIT_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`desk.purposes.${p}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect id="desk-language" label={t('desk.language')} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {enumLabel('language', l)}
              </option>
            ))}
          </NativeSelect>
          {desk === 'public_reception' && (
            <NativeSelect id="desk-source" label={t('desk.subSource')} value={subSource} onChange={(e) => setSubSource(e.currentTarget.value)}>
              {SUB_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`desk.subSources.${s}`)}
                </option>
              ))}
            </NativeSelect>
          )}
          <div>
            <Button type="submit" size="lg" loading={m.isPending} data-testid="log-consultation">
              {t('desk.logConsultation')}
            </Button>
          </div>
          <div aria-live="polite">{logged && <Text data-testid="consultation-logged">{t('desk.logged', { time: formatDateTime(logged, lang) })}</Text>}</div>
        </Stack>
      </Fieldset>
    </form>
  );
}

function Figures({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  const day = useDeskDaily(desk);
  const d = day.data;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="sm">
        {t('desk.today')}
      </Title>
      {d && (
        <ul data-testid="desk-today">
          <li>
            {t('desk.consultations')}: <strong>{d.consultations}</strong>
          </li>
          <li>
            {t('desk.callsTaken')}: <strong>{d.callsTaken}</strong>
          </li>
          <li>
            {t('desk.appealsRegistered')}: <strong>{d.appealsRegistered}</strong>
          </li>
          <li>
            {t('desk.bookings')}: <strong>{d.bookings}</strong>
          </li>
          <li>
            {t('desk.openAppeals')}: <strong>{d.channelOpenAppeals}</strong> ({t('desk.overdue')}: {d.channelOverdueAppeals})
          </li>
        </ul>
      )}
    </Paper>
  );
}

function QuickAppeal({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState('application');
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<DeskAppealResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const m = useMutation({
    mutationFn: () =>
      registerDeskAppeal(
        {
          desk,
          appeal: { kind, text: text.trim(), applicant: { type: 'individual', name: name.trim(), phone: phone.trim() || undefined, email: email.trim() || undefined }, preferredAnswer: phone.trim() ? 'sms' : email.trim() ? 'email' : 'portal' },
        },
        key,
      ),
    onSuccess: (r) => {
      setDone(r);
      setProblem(null);
      void queryClient.invalidateQueries({ queryKey: ['desk-daily'] });
    },
    onError: (e) => setProblem(e instanceof ApiError ? e.message : t('errors.network')),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (text.trim().length < 3 || !name.trim()) return setProblem(t('desk.textAndName'));
    m.mutate();
  }
  if (done) {
    return (
      <Paper withBorder p="md" data-testid="desk-receipt">
        <Stack>
          <Title order={2} size="h3">
            {t('receipt.title')}
          </Title>
          <Text size="xl" fw={700} data-testid="desk-number">
            {done.number}
          </Text>
          <Text>
            {t('receipt.accessCode')}: <strong data-testid="desk-code">{done.accessCode}</strong>
          </Text>
          <Text>
            {t('track.legalDue')}: {formatDate(done.legalDueAt, lang)}
          </Text>
          <Group>
            <Anchor href={`${done.receiptUrl}&lang=${lang}`} target="_blank" rel="noopener" data-testid="desk-print">
              {t('desk.printReceipt')}
              <span className="visually-hidden"> ({t('common.newWindow')})</span>
            </Anchor>
            <Button
              variant="outline"
              onClick={() => {
                setDone(null);
                setText('');
                setName('');
                setPhone('');
                setEmail('');
                setKey(crypto.randomUUID());
              }}
            >
              {t('receipt.another')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t('desk.quickAppeal')}>
        <Stack>
          <NativeSelect id="desk-kind" label={t('appeal.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value)} styles={{ input: { maxWidth: 320 } }}>
            {APPEAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {enumLabel('kind', k)}
              </option>
            ))}
          </NativeSelect>
          <Textarea id="desk-text" label={t('appeal.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} />
          <TextInput id="desk-name" label={t('appeal.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput id="desk-phone" type="tel" label={`${t('appeal.phone')} ${t('common.optional')}`} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} styles={{ input: { maxWidth: 320 } }} />
          <TextInput id="desk-email" type="email" label={`${t('appeal.email')} ${t('common.optional')}`} value={email} onChange={(e) => setEmail(e.currentTarget.value)} styles={{ input: { maxWidth: 420 } }} />
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <div>
            <Button type="submit" size="lg" loading={m.isPending}>
              {t('desk.register')}
            </Button>
          </div>
        </Stack>
      </Fieldset>
    </form>
  );
}

function Week({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  const week = useDeskWeek(desk);
  const w = week.data;
  if (!w) return null;
  const hours = Object.keys(w.byHour).map(Number).sort((a, b) => a - b);
  return (
    <section aria-labelledby="week-title">
      <Title order={2} size="h3" id="week-title" mb="sm">
        {t('desk.week', { from: w.from, to: w.to })}
      </Title>
      <Text>
        {t('desk.consultations')}: {w.consultations} · {t('desk.callsTaken')}: {w.callsTaken} · {t('desk.appealsRegistered')}: {w.appealsRegistered} · {t('desk.bookings')}: {w.bookings}
      </Text>
      <Group align="start" gap="xl" mt="sm">
        <ScrollRegion label={t('desk.byPurpose')}>
          <Table className={classes.table}>
            <Table.Caption>{t('desk.byPurpose')}</Table.Caption>
            <Table.Tbody>
              {Object.entries(w.byPurpose).map(([p, n]) => (
                <Table.Tr key={p}>
                  <Table.Th scope="row">{t(`desk.purposes.${p}` as 'desk.purposes.other', { defaultValue: p })}</Table.Th>
                  <Table.Td>{n}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
        <ScrollRegion label={t('desk.byHour')}>
          <Table className={classes.table}>
            <Table.Caption>{t('desk.byHour')}</Table.Caption>
            <Table.Tbody>
              {hours.map((h) => (
                <Table.Tr key={h}>
                  <Table.Th scope="row">{`${String(h).padStart(2, '0')}:00`}</Table.Th>
                  <Table.Td>{w.byHour[String(h)]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Group>
    </section>
  );
}
