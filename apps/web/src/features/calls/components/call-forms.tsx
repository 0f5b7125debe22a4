// What an operator makes of a call, one form at a time: a consultation answered on the
// first line (an inquiry, explained and closed), an appeal registered with the line's
// channel, a redirect to another body, a callback. Each keeps the knowledge base beside
// its text; success reports the number and focus goes to that report.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ANSWER_METHODS, APPEAL_KINDS } from '@tyndau/contracts';
import { enumLabel } from '../../../i18n/index.ts';
import { ApiError } from '../../../lib/api.ts';
import { focusSoon } from '../../../lib/page.ts';
import { useLang } from '../../../lib/use-lang.ts';
import { ErrorSummary, type SummaryItem } from '../../../components/error-summary.tsx';
import { useBodies, useTopics } from '../../bodies/api.ts';
import { nameIn, sortByName } from '../../bodies/components/body-name.ts';
import { consult, newIdempotencyKey, redirectFromCall, registerFromCall, scheduleCallback, type Applicant, type Call } from '../api.ts';

export type CallAction = 'consultation' | 'appeal' | 'redirect' | 'callback';
type Errors = Record<string, string | undefined>;

/** The knowledge base beside a text: the page gives it (features do not import each other). */
export type TextAside = (insert: (text: string) => void) => ReactNode;

function Shell({ action, title, submitLabel, labels, build, send, onDone, onCancel, children }: {
  action: CallAction;
  title: string;
  submitLabel: string;
  labels: Record<string, string>;
  build: () => Errors;
  send: () => Promise<string>;
  onDone: (message: string) => void;
  onCancel: () => void;
  children: (errors: Errors) => ReactNode;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: onDone,
    onError: (e) => {
      if (e instanceof ApiError) {
        const fe: Errors = {};
        for (const f of e.fields) {
          const key = f.field.startsWith('applicant.') ? f.field.slice('applicant.'.length) : f.field;
          if (key in labels) fe[key] = f.message ?? e.message;
        }
        setErrors(fe);
        setGeneral(Object.keys(fe).length ? null : e.message);
      } else setGeneral(t('errors.network'));
      focusSoon(() => summary.current);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const found = Object.fromEntries(Object.entries(build()).filter(([, v]) => v));
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length) return focusSoon(() => summary.current);
    mutation.mutate();
  }
  const items: SummaryItem[] = [
    ...Object.entries(errors)
      .filter(([, v]) => v)
      .map(([f, v]) => ({ fieldId: `call-${f}`, label: labels[f] ?? '', message: v! })),
    ...(general ? [{ label: '', message: general }] : []),
  ];
  return (
    <form onSubmit={submit} noValidate aria-labelledby="call-form-title" data-testid={`call-form-${action}`}>
      <Stack>
        <Title order={3} id="call-form-title">
          {title}
        </Title>
        <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: items.length })} items={items} />
        {children(errors)}
        <Group>
          <Button type="submit" size="md" loading={mutation.isPending} data-testid="call-submit">
            {submitLabel}
          </Button>
          <Button variant="outline" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function KindSelect({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <NativeSelect id="call-kind" label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error}>
      {KINDS.map((k) => (
        <option key={k} value={k}>
          {enumLabel('kind', k)}
        </option>
      ))}
    </NativeSelect>
  );
}

function TopicSelect({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const topics = useTopics();
  return (
    <NativeSelect id="call-topicCode" label={`${t('console.topic')} ${t('common.optional')}`} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error}>
      <option value="">—</option>
      {(topics.data ?? []).map((tp) => (
        <option key={tp.code} value={tp.code}>
          {tp.parentCode ? '— ' : ''}
          {nameIn(tp.name, lang)}
        </option>
      ))}
    </NativeSelect>
  );
}

function useText(aside: TextAside | undefined) {
  const [text, setText] = useState('');
  const node = aside?.((inserted) => {
    setText((cur) => (cur.trim() ? `${cur.replace(/\s+$/, '')}\n\n${inserted}` : inserted));
    focusSoon(() => document.getElementById('call-text'));
  });
  return { text, setText, node };
}

function applicantOf(name: string, phone: string, email: string): Applicant {
  return { type: 'individual', name: name.trim(), phone: phone.trim() || undefined, email: email.trim() || undefined };
}

interface FormProps {
  call: Call;
  onDone: (message: string) => void;
  onCancel: () => void;
  aside?: TextAside;
}

function ConsultationForm({ call, onDone, onCancel, aside }: FormProps) {
  const { t } = useTranslation();
  const [key] = useState(newIdempotencyKey);
  const { text, setText, node } = useText(aside);
  const [topicCode, setTopicCode] = useState('');
  const [name, setName] = useState('');
  const labels = { text: t('console.consultationText'), name: t('console.name'), topicCode: t('console.topic') };
  return (
    <Shell
      action="consultation"
      title={t('console.consultation')}
      submitLabel={t('console.consultationSubmit')}
      labels={labels}
      build={() => ({ text: text.trim().length >= 3 ? undefined : t('errors.required') })}
      send={async () => {
        const r = await consult(call.id, key, {
          text: text.trim(),
          topicCode: topicCode || undefined,
          language: call.language ?? undefined,
          applicant: name.trim() ? applicantOf(name, call.callerNumber ?? '', '') : undefined,
        });
        return t('console.consultationDone', { number: r.appeal.number });
      }}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(errors) => (
        <>
          <Textarea id="call-text" label={labels.text} description={t('console.consultationHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} autosize minRows={5} maxLength={20000} />
          {node}
          <TopicSelect value={topicCode} onChange={setTopicCode} error={errors.topicCode} />
          <TextInput id="call-name" label={`${labels.name} ${t('common.optional')}`} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={200} />
        </>
      )}
    </Shell>
  );
}

function ApplicantFields({ errors, name, setName, phone, setPhone, email, setEmail, method, setMethod }: {
  errors: Errors;
  name: string;
  setName: (v: string) => void;
  phone: string;
  setPhone: (v: string) => void;
  email: string;
  setEmail: (v: string) => void;
  method: string;
  setMethod: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput id="call-name" label={t('console.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={200} autoComplete="off" />
      <Group grow>
        <TextInput id="call-phone" label={t('console.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={errors.phone} maxLength={40} type="tel" />
        <TextInput id="call-email" label={`${t('console.email')} ${t('common.optional')}`} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} maxLength={200} type="email" />
      </Group>
      <NativeSelect id="call-preferredAnswer" label={t('console.preferredAnswer')} value={method} onChange={(e) => setMethod(e.currentTarget.value)} error={errors.preferredAnswer}>
        {ANSWER_METHODS.map((m) => (
          <option key={m} value={m}>
            {enumLabel('answerMethod', m)}
          </option>
        ))}
      </NativeSelect>
    </>
  );
}

function useApplicant(call: Call) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState(call.callerNumber ?? '');
  const [email, setEmail] = useState('');
  const [method, setMethod] = useState('sms');
  return { name, setName, phone, setPhone, email, setEmail, method, setMethod };
}

const KINDS = APPEAL_KINDS.filter((k) => k !== 'feedback' && k !== 'message');

function AppealForm({ call, onDone, onCancel, aside }: FormProps) {
  const { t } = useTranslation();
  const [key] = useState(newIdempotencyKey);
  const { text, setText, node } = useText(aside);
  const [kind, setKind] = useState<string>('application');
  const [topicCode, setTopicCode] = useState('');
  const [address, setAddress] = useState('');
  const a = useApplicant(call);
  const labels = { kind: t('console.kind'), text: t('console.appealText'), name: t('console.name'), phone: t('console.phone'), email: t('console.email'), preferredAnswer: t('console.preferredAnswer'), address: t('console.address'), topicCode: t('console.topic') };
  return (
    <Shell
      action="appeal"
      title={t('console.appeal')}
      submitLabel={t('console.appealSubmit')}
      labels={labels}
      build={() => ({ text: text.trim().length >= 3 ? undefined : t('errors.required'), name: a.name.trim() ? undefined : t('errors.required') })}
      send={async () => {
        const r = await registerFromCall(call.id, key, {
          kind,
          text: text.trim(),
          topicCode: topicCode || undefined,
          language: call.language ?? undefined,
          applicant: applicantOf(a.name, a.phone, a.email),
          preferredAnswer: a.method,
          address: address.trim() || undefined,
        });
        return t('console.appealDone', { number: r.appeal.number, code: r.appeal.accessCode });
      }}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(errors) => (
        <>
          <KindSelect label={labels.kind} value={kind} onChange={setKind} error={errors.kind} />
          <Textarea id="call-text" label={labels.text} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} autosize minRows={5} maxLength={20000} />
          {node}
          <TopicSelect value={topicCode} onChange={setTopicCode} error={errors.topicCode} />
          <ApplicantFields errors={errors} {...a} />
          <TextInput id="call-address" label={`${labels.address} ${t('common.optional')}`} value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={errors.address} maxLength={500} />
        </>
      )}
    </Shell>
  );
}

function RedirectForm({ call, onDone, onCancel, ownBodyId }: FormProps & { ownBodyId: string }) {
  const { t } = useTranslation();
  const [key] = useState(newIdempotencyKey);
  const lang = useLang();
  const bodies = useBodies('');
  const [text, setText] = useState('');
  const [bodyId, setBodyId] = useState('');
  const [kind, setKind] = useState<string>('application');
  const [reason, setReason] = useState('');
  const a = useApplicant(call);
  const labels = { bodyId: t('console.targetBody'), kind: t('console.kind'), text: t('console.appealText'), reason: t('console.reason'), name: t('console.name'), phone: t('console.phone'), email: t('console.email'), preferredAnswer: t('console.preferredAnswer') };
  const others = sortByName((bodies.data?.items ?? []).filter((b) => b.id !== ownBodyId), lang);
  return (
    <Shell
      action="redirect"
      title={t('console.redirect')}
      submitLabel={t('console.redirectSubmit')}
      labels={labels}
      build={() => ({
        bodyId: bodyId ? undefined : t('errors.required'),
        text: text.trim().length >= 3 ? undefined : t('errors.required'),
        reason: reason.trim() ? undefined : t('errors.required'),
        name: a.name.trim() ? undefined : t('errors.required'),
      })}
      send={async () => {
        const r = await redirectFromCall(call.id, key, { bodyId, kind, text: text.trim(), applicant: applicantOf(a.name, a.phone, a.email), preferredAnswer: a.method, reason: reason.trim() });
        return r.redirectedTo?.number ? t('console.redirectDoneNumber', { number: r.redirectedTo.number }) : t('console.redirectDone');
      }}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(errors) => (
        <>
          <NativeSelect id="call-bodyId" label={labels.bodyId} value={bodyId} onChange={(e) => setBodyId(e.currentTarget.value)} error={errors.bodyId}>
            <option value="">—</option>
            {others.map((b) => (
              <option key={b.id} value={b.id}>
                {nameIn(b.name, lang)}
              </option>
            ))}
          </NativeSelect>
          <KindSelect label={labels.kind} value={kind} onChange={setKind} error={errors.kind} />
          <Textarea id="call-text" label={labels.text} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} autosize minRows={4} maxLength={20000} />
          <Textarea id="call-reason" label={labels.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} maxLength={2000} />
          <ApplicantFields errors={errors} {...a} />
        </>
      )}
    </Shell>
  );
}

/** A local date-time input value (the operator's clock) two hours from now. */
function inTwoHours(): string {
  const d = new Date(Date.now() + 2 * 3600_000);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

function CallbackForm({ call, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const [dueAt, setDueAt] = useState(inTwoHours);
  const [note, setNote] = useState('');
  const labels = { dueAt: t('console.dueAt'), note: t('console.note') };
  return (
    <Shell
      action="callback"
      title={t('console.callback')}
      submitLabel={t('console.callbackSubmit')}
      labels={labels}
      build={() => ({ dueAt: dueAt && !Number.isNaN(new Date(dueAt).getTime()) ? undefined : t('errors.required') })}
      send={async () => {
        await scheduleCallback(call.id, { dueAt: new Date(dueAt).toISOString(), note: note.trim() || undefined });
        return t('console.callbackDone');
      }}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(errors) => (
        <>
          <TextInput id="call-dueAt" type="datetime-local" label={labels.dueAt} value={dueAt} onChange={(e) => setDueAt(e.currentTarget.value)} error={errors.dueAt} />
          <Textarea id="call-note" label={`${labels.note} ${t('common.optional')}`} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        </>
      )}
    </Shell>
  );
}

export function CallForm({ action, ...p }: FormProps & { action: CallAction; ownBodyId: string }) {
  switch (action) {
    case 'consultation':
      return <ConsultationForm {...p} />;
    case 'appeal':
      return <AppealForm {...p} />;
    case 'redirect':
      return <RedirectForm {...p} />;
    case 'callback':
      return <CallbackForm {...p} />;
  }
}
