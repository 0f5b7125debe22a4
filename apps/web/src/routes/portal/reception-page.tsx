// Book a personal reception with a body's head or deputy: choose the body, the official and a
// time from the approved schedule, say what the question is and how to reach you; the
// number and access code are shown at once (the booking is an appeal in the register).
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BookingResult } from '@tyndau/contracts';
import { enumLabel } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { topicsOfBody, useBodies, useBody, useTopics } from '../../features/bodies/api.ts';
import { nameIn, sortByName } from '../../features/bodies/components/body-name.ts';
import { bookReception, useSlots } from '../../features/reception/api.ts';
import { BookingReceipt } from '../../features/reception/components/booking-receipt.tsx';
import { SlotChoice } from '../../features/reception/components/slot-choice.tsx';

const route = getRouteApi('/$lang/reception');

type Field = 'body' | 'official' | 'slot' | 'question' | 'name' | 'iin' | 'phone' | 'email';
const ORDER: Field[] = ['body', 'official', 'slot', 'question', 'name', 'iin', 'phone', 'email'];

export function ReceptionPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const search = route.useSearch();
  usePageTitle(t('reception.title'));
  const [bodyCode, setBodyCode] = useState(search.body ?? '');
  const [officialId, setOfficialId] = useState('');
  const [slotId, setSlotId] = useState('');
  const [question, setQuestion] = useState('');
  const [topicCode, setTopicCode] = useState('');
  const [name, setName] = useState('');
  const [iin, setIin] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [done, setDone] = useState<BookingResult | null>(null);
  const [key] = useState(() => crypto.randomUUID());
  const summaryRef = useRef<HTMLDivElement>(null);

  const bodies = useBodies('');
  const body = useBody(bodyCode || undefined);
  const topics = useTopics();
  const slots = useSlots(bodyCode || undefined);
  const bodyTopics = useMemo(() => (body.data && topics.data ? topicsOfBody(topics.data, body.data.topics) : []), [body.data, topics.data]);
  const officials = useMemo(() => {
    const seen = new Map<string, { id: string; name: string; role: string }>();
    for (const s of slots.data ?? []) if (!seen.has(s.officialId)) seen.set(s.officialId, { id: s.officialId, name: s.officialName, role: s.officialRole });
    return [...seen.values()].sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'head' ? -1 : 1));
  }, [slots.data]);
  const officialSlots = (slots.data ?? []).filter((s) => s.officialId === officialId);

  const mutation = useMutation({
    mutationFn: () =>
      bookReception(
        {
          slotId,
          question: question.trim(),
          topicCode: topicCode || undefined,
          applicant: { type: 'individual', name: name.trim(), iin: iin || undefined, phone: phone.trim() || undefined, email: email.trim() || undefined },
        },
        key,
      ),
    onSuccess: (r) => setDone(r),
    onError: (err) => {
      setServerMessage(err instanceof ApiError ? err.message : t('errors.network'));
      focusSoon(() => summaryRef.current);
    },
  });

  const label: Record<Field, string> = {
    body: t('appeal.body'),
    official: t('reception.official'),
    slot: t('reception.slot'),
    question: t('reception.question'),
    name: t('appeal.name'),
    iin: t('appeal.iin'),
    phone: t('appeal.phone'),
    email: t('appeal.email'),
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!bodyCode) found.body = t('errors.chooseBody');
    if (!officialId) found.official = t('reception.chooseOfficial');
    if (!slotId) found.slot = t('reception.chooseSlot');
    if (question.trim().length < 3) found.question = t('errors.textShort');
    if (!name.trim()) found.name = t('errors.required');
    if (iin && iin.length !== 12) found.iin = t('errors.iin');
    if (phone.trim() && !/^\+?[0-9 ()-]{7,20}$/.test(phone.trim())) found.phone = t('errors.phone');
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = t('errors.email');
    if (!phone.trim() && !email.trim()) found.phone = t('reception.contactNeeded');
    setErrors(found);
    setServerMessage(null);
    if (Object.keys(found).length) {
      focusSoon(() => summaryRef.current);
      return;
    }
    mutation.mutate();
  }

  if (done) {
    return (
      <Stack gap="lg" maw={820}>
        <Title order={1}>{t('reception.title')}</Title>
        <BookingReceipt booking={done} bodyName={body.data ? nameIn(body.data.name, lang) : ''} />
      </Stack>
    );
  }

  const id = (f: Field) => `reception-${f}`;
  const summary: SummaryItem[] = [...ORDER.filter((f) => errors[f]).map((f) => ({ fieldId: id(f), label: label[f], message: errors[f]! })), ...(serverMessage ? [{ label: '', message: serverMessage }] : [])];
  const optional = (s: string) => `${s} ${t('common.optional')}`;

  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{t('reception.title')}</Title>
      <Text size="lg">{t('reception.lead')}</Text>
      <Text>
        <AnchorLink to="/$lang/reception/booking" params={{ lang }} search={{}}>
          {t('reception.manageLink')}
        </AnchorLink>
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="xl">
          <ErrorSummary ref={summaryRef} title={t('errors.summaryTitle', { count: summary.length })} items={summary} />
          <Fieldset legend={t('reception.sectionWhen')}>
            <Stack>
              <NativeSelect
                id={id('body')}
                label={label.body}
                value={bodyCode}
                onChange={(e) => {
                  setBodyCode(e.currentTarget.value);
                  setOfficialId('');
                  setSlotId('');
                  setTopicCode('');
                }}
                error={errors.body}
              >
                <option value="">{t('appeal.chooseBody')}</option>
                {sortByName(bodies.data?.items ?? [], lang).map((b) => (
                  <option key={b.id} value={b.code}>
                    {nameIn(b.name, lang)}
                  </option>
                ))}
              </NativeSelect>
              {bodyCode && slots.isSuccess && officials.length === 0 && <Alert color="gray">{t('reception.noSlots')}</Alert>}
              {officials.length > 0 && (
                <Radio.Group
                  id={id('official')}
                  label={label.official}
                  value={officialId}
                  onChange={(v) => {
                    setOfficialId(v);
                    setSlotId('');
                  }}
                  error={errors.official}
                >
                  <Stack gap="xs" mt="xs">
                    {officials.map((o) => (
                      <Radio key={o.id} value={o.id} size="md" label={o.name} description={enumLabel('role', o.role)} />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              {officialId && (
                <SlotChoice id={id('slot')} slots={officialSlots} value={slotId} onChange={setSlotId} error={errors.slot} />
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('reception.sectionWhat')}>
            <Stack>
              <Textarea id={id('question')} label={label.question} description={t('reception.questionHint')} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} error={errors.question} autosize minRows={4} maxLength={20000} />
              <NativeSelect id="reception-topic" label={optional(t('appeal.topic'))} value={topicCode} onChange={(e) => setTopicCode(e.currentTarget.value)} disabled={!bodyCode}>
                <option value="">{t('appeal.noTopic')}</option>
                {bodyTopics.map((tp) => (
                  <option key={tp.code} value={tp.code}>
                    {tp.parentCode && bodyTopics.some((x) => x.code === tp.parentCode) ? `— ${nameIn(tp.name, lang)}` : nameIn(tp.name, lang)}
                  </option>
                ))}
              </NativeSelect>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('reception.sectionWho')}>
            <Stack>
              <TextInput id={id('name')} label={label.name} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} autoComplete="name" maxLength={300} />
              <TextInput id={id('iin')} label={optional(label.iin)} description={t('appeal.iinHint')} value={iin} onChange={(e) => setIin(e.currentTarget.value.replace(/\D/g, '').slice(0, 12))} error={errors.iin} inputMode="numeric" styles={{ input: { maxWidth: 260 } }} />
              <TextInput id={id('phone')} type="tel" label={label.phone} description={t('reception.phoneHint')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={errors.phone} autoComplete="tel" styles={{ input: { maxWidth: 320 } }} />
              <TextInput id={id('email')} type="email" label={optional(label.email)} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} autoComplete="email" styles={{ input: { maxWidth: 420 } }} />
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" size="lg" loading={mutation.isPending} data-testid="reception-submit">
              {t('reception.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
