// The intake form, for a citizen on the portal and for staff registering on a citizen's
// behalf (who also give the channel and when it was received). Every field is labelled;
// problems are listed at the top and shown next to their field, in the page's language.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Button, Fieldset, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ANSWER_METHODS, APPEAL_KINDS, CHANNELS } from '@tyndau/contracts';
import { enumLabel } from '../../../i18n/index.ts';
import { ApiError } from '../../../lib/api.ts';
import { useLang } from '../../../lib/use-lang.ts';
import { focusSoon } from '../../../lib/page.ts';
import { ErrorSummary, type SummaryItem } from '../../../components/error-summary.tsx';
import { topicsOfBody, useBodies, useBody, useTopics, type BodyItem } from '../../bodies/api.ts';
import { nameIn, sortByName } from '../../bodies/components/body-name.ts';
import { registerAppeal, type AppealInput, type Registered } from '../api.ts';
import { almatyLocalToIso, FIELD_ORDER, formFieldOf, validateAppeal, type AppealField, type AppealFormState, type FormErrors } from './validate-appeal.ts';
import { AttachmentsField, type AttachmentState } from './attachments-field.tsx';
import { LocationField } from './location-field.tsx';
import { PhotoField, type PhotoState } from './photo-field.tsx';
import { PlacePicker } from './place-picker.tsx';
import { isNetworkError, keepPending, type PendingAppeal } from '../offline-outbox.ts';

const EMPTY: AppealFormState = {
  bodyCode: '',
  topicCode: '',
  kind: '',
  text: '',
  applicantType: 'individual',
  name: '',
  iin: '',
  bin: '',
  email: '',
  phone: '',
  preferredAnswer: 'portal',
  address: '',
  location: null,
  channel: '',
  receivedAt: '',
};

/** Channels a staff member registers from: everything except the citizen's own website form. */
const STAFF_CHANNELS = CHANNELS.filter((c) => c !== 'website' && c !== 'api');

export interface AppealFormProps {
  /** Staff registering on a citizen's behalf: the body is theirs and fixed. */
  staff?: { body: BodyItem };
  initialBodyCode?: string;
  /** Filled in beforehand (a QR poster's city object: body, topic, address, place). */
  initial?: Partial<Pick<AppealFormState, 'bodyCode' | 'topicCode' | 'address' | 'location'>>;
  onRegistered: (r: Registered, bodyCode: string) => void;
  /** No network: the appeal was kept on the device, to be sent when the network returns (citizens only). */
  onKept?: (p: PendingAppeal) => void;
}

export function AppealForm({ staff, initialBodyCode, initial, onRegistered, onKept }: AppealFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [state, setState] = useState<AppealFormState>({ ...EMPTY, bodyCode: staff?.body.code ?? initialBodyCode ?? '', ...(staff ? {} : initial) });
  const [photos, setPhotos] = useState<PhotoState[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [files, setFiles] = useState<AttachmentState[]>([]);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const summaryRef = useRef<HTMLDivElement>(null);

  const bodies = useBodies('');
  const body = useBody(state.bodyCode || undefined);
  const topics = useTopics();
  const bodyTopics = useMemo(() => (body.data && topics.data ? topicsOfBody(topics.data, body.data.topics) : []), [body.data, topics.data]);
  const mainTopics = bodyTopics.filter((tp) => tp.parentCode === null || !bodyTopics.some((x) => x.code === tp.parentCode));

  const set = <K extends keyof AppealFormState>(key: K, value: AppealFormState[K]) => {
    setState((s) => ({ ...s, [key]: value, ...(key === 'bodyCode' ? { topicCode: '' } : {}) }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const mutation = useMutation({
    mutationFn: (input: AppealInput) => registerAppeal(input, idempotencyKey),
    onSuccess: (r) => onRegistered(r, state.bodyCode),
    onError: (err, input) => {
      // No answer from the server: a citizen's appeal is kept on the device with its key.
      if (onKept && !staff && isNetworkError(err)) {
        void keep(input);
        return;
      }
      if (err instanceof ApiError) {
        const fieldErrors: FormErrors = {};
        for (const f of err.fields) {
          const field = formFieldOf(f.field);
          if (field) fieldErrors[field] = `server:${err.message}`;
        }
        setErrors(fieldErrors);
        setServerMessage(Object.keys(fieldErrors).length ? null : err.message);
      } else {
        setErrors({});
        setServerMessage(t('errors.network'));
      }
      focusSoon(() => summaryRef.current);
    },
  });

  const uploading = files.some((f) => f.status === 'uploading') || photos.some((p) => p.status === 'uploading');

  async function keep(input: AppealInput) {
    const pending: PendingAppeal = {
      key: idempotencyKey,
      input: { ...input, attachments: [...(input.attachments ?? [])] },
      photos: photos.filter((p) => p.status === 'kept').map((p) => ({ name: p.name, type: p.blob.type || 'image/jpeg', blob: p.blob })),
      bodyCode: state.bodyCode,
      savedAt: new Date().toISOString(),
    };
    await keepPending(pending);
    onKept?.(pending);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateAppeal(state, { staff: !!staff, now: new Date() });
    if (files.some((f) => f.status === 'failed') || photos.some((p) => p.status === 'failed')) found.attachments = 'attachmentFailed';
    setErrors(found);
    setServerMessage(null);
    if (Object.keys(found).length > 0) {
      focusSoon(() => summaryRef.current);
      return;
    }
    const bodyId = staff?.body.id ?? bodies.data?.items.find((b) => b.code === state.bodyCode)?.id;
    if (!bodyId) return;
    const s = state;
    const opt = (v: string) => v.trim() || undefined;
    const input: AppealInput = {
      bodyId,
      kind: s.kind,
      text: s.text.trim(),
      topicCode: s.topicCode || undefined,
      applicant: {
        type: s.applicantType,
        name: s.applicantType === 'anonymous' ? undefined : opt(s.name),
        iin: s.applicantType === 'individual' ? opt(s.iin) : undefined,
        bin: s.applicantType === 'legal' ? opt(s.bin) : undefined,
        email: opt(s.email),
        phone: opt(s.phone),
      },
      preferredAnswer: s.preferredAnswer,
      address: opt(s.address),
      location: s.location ?? undefined,
      attachments: [...files.filter((f) => f.status === 'done').map((f) => f.id!), ...photos.filter((p) => p.status === 'done').map((p) => p.id!)],
      ...(staff ? { channel: s.channel, receivedAt: s.receivedAt ? almatyLocalToIso(s.receivedAt)! : undefined } : {}),
    };
    // Known to be offline, or photos waiting for the network: kept at once, sent later.
    if (onKept && !staff && (!navigator.onLine || photos.some((p) => p.status === 'kept'))) {
      void keep(input);
      return;
    }
    mutation.mutate(input);
  }

  const id = (f: AppealField) => `appeal-${f}`;
  const errorText = (f: AppealField) => {
    const key = errors[f];
    if (!key) return undefined;
    return key.startsWith('server:') ? key.slice(7) : t(`errors.${key}` as 'errors.required');
  };
  const fieldLabel: Record<AppealField, string> = {
    bodyCode: t('appeal.body'),
    topicCode: t('appeal.topic'),
    kind: t('appeal.kind'),
    text: t('appeal.text'),
    applicantType: t('appeal.applicantType'),
    name: state.applicantType === 'legal' ? t('appeal.orgName') : t('appeal.name'),
    iin: t('appeal.iin'),
    bin: t('appeal.bin'),
    email: t('appeal.email'),
    phone: t('appeal.phone'),
    preferredAnswer: t('appeal.preferredAnswer'),
    address: t('appeal.address'),
    location: t('appeal.location'),
    channel: t('appeal.channel'),
    receivedAt: t('appeal.receivedAt'),
    attachments: t('appeal.attachments'),
  };
  const summary: SummaryItem[] = [
    ...FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ fieldId: id(f), label: fieldLabel[f], message: errorText(f)! })),
    ...(serverMessage ? [{ label: '', message: serverMessage }] : []),
  ];
  const optional = (label: string) => `${label} ${t('common.optional')}`;

  return (
    <form onSubmit={submit} noValidate aria-describedby="appeal-form-hint">
      <Stack gap="xl">
        <Text id="appeal-form-hint">{t('appeal.formHint')}</Text>
        <ErrorSummary ref={summaryRef} title={t('errors.summaryTitle', { count: summary.length })} items={summary} />

        {staff && (
          <Fieldset legend={t('appeal.sectionReceived')}>
            <Stack>
              <NativeSelect id={id('channel')} label={fieldLabel.channel} value={state.channel} onChange={(e) => set('channel', e.currentTarget.value)} error={errorText('channel')}>
                <option value="">{t('appeal.chooseChannel')}</option>
                {STAFF_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {enumLabel('channel', c)}
                  </option>
                ))}
              </NativeSelect>
              <TextInput
                id={id('receivedAt')}
                type="datetime-local"
                label={optional(fieldLabel.receivedAt)}
                description={t('appeal.receivedAtHint')}
                value={state.receivedAt}
                onChange={(e) => set('receivedAt', e.currentTarget.value)}
                error={errorText('receivedAt')}
                styles={{ input: { maxWidth: 320 } }}
              />
            </Stack>
          </Fieldset>
        )}

        <Fieldset legend={t('appeal.sectionWhere')}>
          <Stack>
            {staff ? (
              <Text>
                <strong>{fieldLabel.bodyCode}:</strong> {nameIn(staff.body.name, lang)}
              </Text>
            ) : (
              <NativeSelect id={id('bodyCode')} label={fieldLabel.bodyCode} description={t('appeal.bodyHint')} value={state.bodyCode} onChange={(e) => set('bodyCode', e.currentTarget.value)} error={errorText('bodyCode')}>
                <option value="">{t('appeal.chooseBody')}</option>
                {sortByName(bodies.data?.items ?? [], lang).map((b) => (
                  <option key={b.id} value={b.code}>
                    {nameIn(b.name, lang)}
                  </option>
                ))}
              </NativeSelect>
            )}
            {state.bodyCode && mainTopics.length > 0 && (
              <Paper withBorder p="md" aria-live="polite" data-testid="body-hint">
                <Text fw={700}>{t('appeal.bodyHandles')}</Text>
                <Text>{mainTopics.map((tp) => nameIn(tp.name, lang)).join(' · ')}</Text>
              </Paper>
            )}
            <NativeSelect
              id={id('topicCode')}
              label={optional(fieldLabel.topicCode)}
              description={t('appeal.topicHint')}
              value={state.topicCode}
              onChange={(e) => set('topicCode', e.currentTarget.value)}
              error={errorText('topicCode')}
              disabled={!state.bodyCode}
            >
              <option value="">{t('appeal.noTopic')}</option>
              {bodyTopics.map((tp) => (
                <option key={tp.code} value={tp.code}>
                  {tp.parentCode && bodyTopics.some((x) => x.code === tp.parentCode) ? `— ${nameIn(tp.name, lang)}` : nameIn(tp.name, lang)}
                </option>
              ))}
            </NativeSelect>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('appeal.sectionWhat')}>
          <Stack>
            <Radio.Group id={id('kind')} label={fieldLabel.kind} value={state.kind} onChange={(v) => set('kind', v)} error={errorText('kind')}>
              <Stack gap="xs" mt="xs">
                {APPEAL_KINDS.map((k) => (
                  <Radio key={k} value={k} size="md" label={enumLabel('kind', k)} description={t(`appeal.kindHint.${k}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              id={id('text')}
              label={fieldLabel.text}
              description={t('appeal.textHint')}
              value={state.text}
              onChange={(e) => set('text', e.currentTarget.value)}
              error={errorText('text')}
              autosize
              minRows={6}
              maxLength={20000}
            />
            <TextInput
              id={id('address')}
              label={state.preferredAnswer === 'paper' ? fieldLabel.address : optional(fieldLabel.address)}
              description={t('appeal.addressHint')}
              value={state.address}
              onChange={(e) => set('address', e.currentTarget.value)}
              error={errorText('address')}
              autoComplete="street-address"
              maxLength={500}
            />
            <LocationField value={state.location} onChange={(v) => set('location', v)} />
            {!staff && <PlacePicker value={state.location} onChange={(v) => set('location', v)} />}
            {!staff && <PhotoField id="appeal-photos" photos={photos} onChange={setPhotos} />}
            <AttachmentsField id={id('attachments')} files={files} onChange={setFiles} error={errorText('attachments')} />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('appeal.sectionWho')}>
          <Stack>
            <Radio.Group id={id('applicantType')} label={fieldLabel.applicantType} value={state.applicantType} onChange={(v) => set('applicantType', v)}>
              <Group mt="xs">
                {(staff ? ['individual', 'legal', 'anonymous'] : ['individual', 'legal']).map((v) => (
                  <Radio key={v} value={v} size="md" label={enumLabel('applicantType', v)} />
                ))}
              </Group>
            </Radio.Group>
            {state.applicantType !== 'anonymous' && (
              <TextInput id={id('name')} label={fieldLabel.name} value={state.name} onChange={(e) => set('name', e.currentTarget.value)} error={errorText('name')} autoComplete={state.applicantType === 'legal' ? 'organization' : 'name'} maxLength={300} />
            )}
            {state.applicantType === 'individual' && (
              <TextInput
                id={id('iin')}
                label={optional(fieldLabel.iin)}
                description={t('appeal.iinHint')}
                value={state.iin}
                onChange={(e) => set('iin', e.currentTarget.value.replace(/\D/g, '').slice(0, 12))}
                error={errorText('iin')}
                inputMode="numeric"
                styles={{ input: { maxWidth: 260 } }}
              />
            )}
            {state.applicantType === 'legal' && (
              <TextInput id={id('bin')} label={fieldLabel.bin} value={state.bin} onChange={(e) => set('bin', e.currentTarget.value.replace(/\D/g, '').slice(0, 12))} error={errorText('bin')} inputMode="numeric" styles={{ input: { maxWidth: 260 } }} />
            )}
            <TextInput
              id={id('email')}
              type="email"
              label={state.preferredAnswer === 'email' ? fieldLabel.email : optional(fieldLabel.email)}
              value={state.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={errorText('email')}
              autoComplete="email"
              styles={{ input: { maxWidth: 420 } }}
            />
            <TextInput
              id={id('phone')}
              type="tel"
              label={state.preferredAnswer === 'sms' ? fieldLabel.phone : optional(fieldLabel.phone)}
              description={t('appeal.phoneHint')}
              value={state.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={errorText('phone')}
              autoComplete="tel"
              styles={{ input: { maxWidth: 320 } }}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('appeal.sectionAnswer')}>
          <Radio.Group id={id('preferredAnswer')} label={fieldLabel.preferredAnswer} value={state.preferredAnswer} onChange={(v) => set('preferredAnswer', v)} error={errorText('preferredAnswer')}>
            <Stack gap="xs" mt="xs">
              {ANSWER_METHODS.map((m) => (
                <Radio key={m} value={m} size="md" label={enumLabel('answerMethod', m)} description={t(`appeal.answerHint.${m}`)} />
              ))}
            </Stack>
          </Radio.Group>
        </Fieldset>

        <Group>
          <Button type="submit" size="lg" loading={mutation.isPending} disabled={uploading} data-testid="appeal-submit">
            {t('appeal.submit')}
          </Button>
          {uploading && <Text>{t('appeal.waitUploads')}</Text>}
        </Group>
      </Stack>
    </form>
  );
}
