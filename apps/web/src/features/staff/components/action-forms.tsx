// The forms behind each action on the appeal card. One action is open at a time; when it
// succeeds the card reloads and focus goes to the message saying what happened.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ANSWER_METHODS, DIFFICULTIES } from '@tyndau/contracts';
import { enumLabel } from '../../../i18n/index.ts';
import { ApiError, normalizeField } from '../../../lib/api.ts';
import { focusSoon } from '../../../lib/page.ts';
import { useLang } from '../../../lib/use-lang.ts';
import { ErrorSummary, type SummaryItem } from '../../../components/error-summary.tsx';
import { topicsOfBody, useBodies, useBody, useTopics } from '../../bodies/api.ts';
import { nameIn, sortByName } from '../../bodies/components/body-name.ts';
import { runAction, useColleagues, useResolutions, type ActionName, type AnswerRow, type AppealCard } from '../api.ts';
import type { CardAction } from '../permissions.ts';

type Errors = Record<string, string | undefined>;

interface ActionFormProps {
  appeal: AppealCard;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** A form around one action: checks, sends, maps the server's answer back to fields. */
function ActionShell({
  title,
  action,
  appealId,
  build,
  fieldLabels,
  submitLabel,
  onDone,
  onCancel,
  doneMessage,
  children,
}: {
  title: string;
  action: ActionName;
  appealId: string;
  /** The request body, or the errors that stop it. */
  build: () => { body?: unknown; errors?: Errors };
  fieldLabels: Record<string, string>;
  submitLabel: string;
  doneMessage: string;
  onDone: (message: string) => void;
  onCancel: () => void;
  children: (errors: Errors) => ReactNode;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: (body: unknown) => runAction(appealId, action, body),
    onSuccess: () => onDone(doneMessage),
    onError: (e) => {
      if (e instanceof ApiError) {
        const fe: Errors = {};
        for (const f of e.fields) if (f.field in fieldLabels) fe[f.field] = e.message;
        setErrors(fe);
        setGeneral(Object.keys(fe).length ? null : e.message);
      } else {
        setGeneral(t('errors.network'));
      }
      focusSoon(() => summary.current);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const r = build();
    const found = Object.fromEntries(Object.entries(r.errors ?? {}).filter(([, v]) => v));
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length) {
      focusSoon(() => summary.current);
      return;
    }
    mutation.mutate(r.body);
  }

  const items: SummaryItem[] = [
    ...Object.entries(errors)
      .filter(([, v]) => v)
      .map(([f, v]) => ({ fieldId: `action-${normalizeField(f)}`, label: fieldLabels[f] ?? '', message: v! })),
    ...(general ? [{ label: '', message: general }] : []),
  ];

  return (
    <form onSubmit={submit} noValidate aria-labelledby="action-title" data-testid={`action-form-${action}`}>
      <Stack>
        <Title order={3} id="action-title">
          {title}
        </Title>
        <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: items.length })} items={items} />
        {children(errors)}
        <Group>
          <Button type="submit" size="md" loading={mutation.isPending} data-testid="action-submit">
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

/** Beside the triage form (the routing suggestion): what it picks fills the form's fields. */
export type TriageAside = (pick: { topic?: (code: string) => void; body: (bodyId: string) => void }) => ReactNode;

function TriageForm({ appeal, onDone, onCancel, redirect, aside }: ActionFormProps & { redirect?: boolean; aside?: TriageAside }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [competence, setCompetence] = useState<'own' | 'other' | 'none'>(redirect ? 'other' : 'own');
  const [difficulty, setDifficulty] = useState('');
  const [topicCode, setTopicCode] = useState(appeal.topicCode ?? '');
  const [unitId, setUnitId] = useState('');
  const [targetBodyId, setTargetBodyId] = useState('');
  const [reason, setReason] = useState('');
  const bodies = useBodies('');
  const body = useBody(appeal.bodyId);
  const topics = useTopics();
  const ownTopics = body.data && topics.data ? topicsOfBody(topics.data, body.data.topics) : [];
  const labels = { competence: t('action.competence'), targetBodyId: t('action.targetBody'), difficulty: t('action.difficulty'), topicCode: t('action.topic'), unitId: t('action.unit'), reason: t('action.reason') };
  const defaultDifficulty = topics.data?.find((x) => x.code === topicCode)?.defaultDifficulty;

  return (
    <ActionShell
      title={redirect ? t('action.redirect') : t('action.triage')}
      action="triage"
      appealId={appeal.id}
      fieldLabels={labels}
      submitLabel={competence === 'other' ? t('action.redirectSubmit') : competence === 'none' ? t('action.noneSubmit') : t('action.triageSubmit')}
      doneMessage={competence === 'other' ? t('action.done.redirected') : competence === 'none' ? t('action.done.none') : t('action.done.triaged')}
      onDone={onDone}
      onCancel={onCancel}
      build={() => ({
        errors: { targetBodyId: competence === 'other' && !targetBodyId ? t('errors.required') : undefined },
        body: {
          competence,
          ...(competence === 'other' ? { targetBodyId } : {}),
          ...(competence === 'own' ? { difficulty: difficulty || undefined, topicCode: topicCode || undefined, unitId: unitId || undefined } : {}),
          reason: reason.trim() || undefined,
        },
      })}
    >
      {(errors) => (
        <>
          {aside?.({ topic: redirect ? undefined : (code) => (setCompetence('own'), setTopicCode(code)), body: (id) => (setCompetence('other'), setTargetBodyId(id)) })}
          {!redirect && (
            <Radio.Group id="action-competence" label={labels.competence} value={competence} onChange={(v) => setCompetence(v as typeof competence)}>
              <Stack gap="xs" mt="xs">
                {(['own', 'other', 'none'] as const).map((c) => (
                  <Radio key={c} value={c} size="md" label={enumLabel('competence', c)} description={t(`action.competenceHint.${c}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {competence === 'own' && (
            <>
              <NativeSelect id="action-topicCode" label={labels.topicCode} value={topicCode} onChange={(e) => setTopicCode(e.currentTarget.value)} error={errors.topicCode}>
                <option value="">{t('action.noTopic')}</option>
                {ownTopics.map((tp) => (
                  <option key={tp.code} value={tp.code}>
                    {nameIn(tp.name, lang)}
                  </option>
                ))}
              </NativeSelect>
              <NativeSelect id="action-difficulty" label={labels.difficulty} description={t('action.difficultyHint')} value={difficulty} onChange={(e) => setDifficulty(e.currentTarget.value)} error={errors.difficulty}>
                <option value="">{t('action.byTopic', { difficulty: enumLabel('difficulty', defaultDifficulty ?? 'medium') })}</option>
                {DIFFICULTIES.map((d) => (
                  <option key={d} value={d}>
                    {enumLabel('difficulty', d)}
                  </option>
                ))}
              </NativeSelect>
              <NativeSelect id="action-unitId" label={labels.unitId} value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)} error={errors.unitId}>
                <option value="">{t('action.unitAuto')}</option>
                {(body.data?.units ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {nameIn(u.name, lang)}
                  </option>
                ))}
              </NativeSelect>
            </>
          )}
          {competence === 'other' && (
            <NativeSelect id="action-targetBodyId" label={labels.targetBodyId} value={targetBodyId} onChange={(e) => setTargetBodyId(e.currentTarget.value)} error={errors.targetBodyId}>
              <option value="">{t('action.chooseBody')}</option>
              {sortByName(bodies.data?.items ?? [], lang)
                .filter((b) => b.id !== appeal.bodyId)
                .map((b) => (
                  <option key={b.id} value={b.id}>
                    {nameIn(b.name, lang)}
                  </option>
                ))}
            </NativeSelect>
          )}
          {competence === 'none' && <Text>{t('action.noneExplained')}</Text>}
          <Textarea id="action-reason" label={`${labels.reason} ${t('common.optional')}`} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} maxLength={2000} />
        </>
      )}
    </ActionShell>
  );
}

const EXECUTOR_ROLES = ['executor', 'comms_officer', 'head', 'deputy'];

function AssignForm({ appeal, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [executorId, setExecutorId] = useState('');
  const [reason, setReason] = useState('');
  const colleagues = useColleagues();
  // The executor must work in the appeal's unit, or for the whole body.
  const eligible = (colleagues.data ?? []).filter((p) => EXECUTOR_ROLES.includes(p.role) && (!p.unitId || !appeal.unitId || p.unitId === appeal.unitId) && p.id !== appeal.executorId);
  const labels = { executorId: t('action.executor'), reason: t('action.reason') };
  return (
    <ActionShell
      title={t('action.assign')}
      action="assign"
      appealId={appeal.id}
      fieldLabels={labels}
      submitLabel={t('action.assignSubmit')}
      doneMessage={t('action.done.assigned')}
      onDone={onDone}
      onCancel={onCancel}
      build={() => ({ errors: { executorId: executorId ? undefined : t('errors.required') }, body: { executorId, reason: reason.trim() || undefined } })}
    >
      {(errors) => (
        <>
          <NativeSelect id="action-executorId" label={labels.executorId} value={executorId} onChange={(e) => setExecutorId(e.currentTarget.value)} error={errors.executorId}>
            <option value="">{t('action.chooseExecutor')}</option>
            {eligible.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} — {enumLabel('role', p.role)}
              </option>
            ))}
          </NativeSelect>
          {colleagues.isError && <Text c="var(--mantine-color-error)">{t('common.loadFailed')}</Text>}
          <Textarea id="action-reason" label={`${labels.reason} ${t('common.optional')}`} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        </>
      )}
    </ActionShell>
  );
}

/** A form with one required text: request info, info received, leave without consideration. */
function TextActionForm({ appeal, onDone, onCancel, action, title, label, hint, submitLabel, doneMessage, field }: ActionFormProps & { action: ActionName; title: string; label: string; hint?: string; submitLabel: string; doneMessage: string; field: 'text' | 'reason' }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <ActionShell
      title={title}
      action={action}
      appealId={appeal.id}
      fieldLabels={{ [field]: label }}
      submitLabel={submitLabel}
      doneMessage={doneMessage}
      onDone={onDone}
      onCancel={onCancel}
      build={() => ({ errors: { [field]: text.trim() ? undefined : t('errors.required') }, body: { [field]: text.trim() } })}
    >
      {(errors) => <Textarea id={`action-${field}`} label={label} description={hint} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors[field]} autosize minRows={4} maxLength={4000} />}
    </ActionShell>
  );
}

function ExtendForm({ appeal, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const labels = { until: t('action.until'), reason: t('action.extendReason') };
  return (
    <ActionShell
      title={t('action.extend')}
      action="extend"
      appealId={appeal.id}
      fieldLabels={labels}
      submitLabel={t('action.extendSubmit')}
      doneMessage={t('action.done.extended')}
      onDone={onDone}
      onCancel={onCancel}
      build={() => ({
        errors: { until: /^\d{4}-\d{2}-\d{2}$/.test(until) ? undefined : t('errors.date'), reason: reason.trim() ? undefined : t('errors.required') },
        body: { until, reason: reason.trim() },
      })}
    >
      {(errors) => (
        <>
          <TextInput id="action-until" type="date" label={labels.until} description={t('action.untilHint')} value={until} onChange={(e) => setUntil(e.currentTarget.value)} error={errors.until} maw={260} />
          <Textarea id="action-reason" label={labels.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={3} maxLength={4000} />
        </>
      )}
    </ActionShell>
  );
}

const GREETING: Record<string, (name: string | null) => string> = {
  kk: (n) => `Құрметті ${n ?? 'өтініш беруші'}!\n\n`,
  ru: (n) => `Уважаемый(ая) ${n ?? 'заявитель'}!\n\n`,
  en: (n) => `Dear ${n ?? 'applicant'},\n\n`,
};

/** Something beside the answer text that can add to it (the page gives the knowledge base). */
export type AnswerAside = (insert: (text: string) => void) => ReactNode;

function AnswerForm({ appeal, onDone, onCancel, draft, aside }: ActionFormProps & { draft?: AnswerRow; aside?: AnswerAside }) {
  const { t } = useTranslation();
  const lang = useLang();
  const resolutions = useResolutions();
  const [text, setText] = useState(draft?.text ?? (GREETING[appeal.language] ?? GREETING.ru)(appeal.applicantName));
  const [resolution, setResolution] = useState(draft?.resolution ?? '');
  const [deliveryMethod, setDeliveryMethod] = useState(draft?.deliveryMethod ?? appeal.preferredAnswer);
  const labels = { text: t('action.answerText'), resolution: t('action.resolution'), deliveryMethod: t('action.deliveryMethod') };
  const answerable = (resolutions.data ?? []).filter((r) => r.setBy === 'answer');
  return (
    <ActionShell
      title={t('action.answer')}
      action="answer"
      appealId={appeal.id}
      fieldLabels={labels}
      submitLabel={t('action.answerSubmit')}
      doneMessage={t('action.done.drafted')}
      onDone={onDone}
      onCancel={onCancel}
      build={() => ({
        errors: { text: text.trim().length > 10 ? undefined : t('errors.required'), resolution: resolution ? undefined : t('errors.required') },
        body: { text: text.trim(), resolution, deliveryMethod },
      })}
    >
      {(errors) => (
        <>
          <Textarea id="action-text" label={labels.text} description={t('action.answerHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} autosize minRows={8} maxLength={20000} />
          {aside?.((inserted) => {
            // The article goes after what is written; focus returns to the text to go on.
            setText((cur) => `${cur.replace(/\s+$/, '')}\n\n${inserted}`);
            focusSoon(() => document.getElementById('action-text'));
          })}
          <Radio.Group id="action-resolution" label={labels.resolution} value={resolution} onChange={setResolution} error={errors.resolution}>
            <Stack gap="xs" mt="xs">
              {answerable.map((r) => (
                <Radio key={r.code} value={r.code} size="md" label={nameIn(r.name, lang)} description={nameIn(r.definition, lang)} />
              ))}
            </Stack>
          </Radio.Group>
          <NativeSelect id="action-deliveryMethod" label={labels.deliveryMethod} value={deliveryMethod} onChange={(e) => setDeliveryMethod(e.currentTarget.value)} error={errors.deliveryMethod}>
            {ANSWER_METHODS.map((m) => (
              <option key={m} value={m}>
                {enumLabel('answerMethod', m)}
              </option>
            ))}
          </NativeSelect>
        </>
      )}
    </ActionShell>
  );
}

function SignForm({ appeal, onDone, onCancel, draft }: ActionFormProps & { draft?: AnswerRow }) {
  const { t } = useTranslation();
  return (
    <ActionShell
      title={t('action.sign')}
      action="sign"
      appealId={appeal.id}
      fieldLabels={{}}
      submitLabel={t('action.signSubmit')}
      doneMessage={t('action.done.signed')}
      onDone={onDone}
      onCancel={onCancel}
      build={() => ({ body: undefined })}
    >
      {() =>
        draft ? (
          <>
            <Text>
              {t('action.signExplained', { resolution: enumLabel('resolution', draft.resolution), method: enumLabel('answerMethod', draft.deliveryMethod) })}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} p="sm" bd="1px solid var(--mantine-color-default-border)">
              {draft.text}
            </Text>
          </>
        ) : (
          <Text>{t('action.noDraft')}</Text>
        )
      }
    </ActionShell>
  );
}

function CloseForm({ appeal, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <ActionShell
      title={t('action.close')}
      action="close"
      appealId={appeal.id}
      fieldLabels={{ reason: t('action.reason') }}
      submitLabel={t('action.closeSubmit')}
      doneMessage={t('action.done.closed')}
      onDone={onDone}
      onCancel={onCancel}
      build={() => ({ body: { reason: reason.trim() || undefined } })}
    >
      {() => (
        <>
          <Text>{t('action.closeExplained')}</Text>
          <Textarea id="action-reason" label={`${t('action.reason')} ${t('common.optional')}`} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        </>
      )}
    </ActionShell>
  );
}

export function ActionForm({
  action,
  appeal,
  draft,
  onDone,
  onCancel,
  answerAside,
  triageAside,
}: {
  action: CardAction;
  appeal: AppealCard;
  draft?: AnswerRow;
  onDone: (m: string) => void;
  onCancel: () => void;
  answerAside?: AnswerAside;
  triageAside?: TriageAside;
}) {
  const { t } = useTranslation();
  const p = { appeal, onDone, onCancel };
  switch (action) {
    case 'triage':
      return <TriageForm {...p} aside={triageAside} />;
    case 'redirect':
      return <TriageForm {...p} redirect aside={triageAside} />;
    case 'assign':
      return <AssignForm {...p} />;
    case 'extend':
      return <ExtendForm {...p} />;
    case 'requestInfo':
      return <TextActionForm {...p} action="request-info" field="text" title={t('action.requestInfo')} label={t('action.requestText')} hint={t('action.requestHint')} submitLabel={t('action.requestSubmit')} doneMessage={t('action.done.requested')} />;
    case 'infoReceived':
      return <TextActionForm {...p} action="info-received" field="text" title={t('action.infoReceived')} label={t('action.infoText')} submitLabel={t('action.infoSubmit')} doneMessage={t('action.done.infoReceived')} />;
    case 'answer':
      return <AnswerForm {...p} draft={draft} aside={answerAside} />;
    case 'sign':
      return <SignForm {...p} draft={draft} />;
    case 'close':
      return <CloseForm {...p} />;
    case 'leave':
      return <TextActionForm {...p} action="leave-without-consideration" field="reason" title={t('action.leave')} label={t('action.leaveReason')} hint={t('action.leaveHint')} submitLabel={t('action.leaveSubmit')} doneMessage={t('action.done.left')} />;
  }
}
