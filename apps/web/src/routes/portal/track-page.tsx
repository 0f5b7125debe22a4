// Track an appeal: number + access code -> status, the legal due date, the public history,
// the answer, and the citizen's rating of it.
import { OPEN_STATUSES } from '@tyndau/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { enumLabel } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { telegramLink, useCorrespondence, useTrack, useTrackedMessages, type TrackView } from '../../features/tracking/api.ts';
import { TelegramLink } from '../../components/telegram-link.tsx';
import { eventText } from '../../features/tracking/components/event-text.ts';
import { FeedbackForm } from '../../features/tracking/components/feedback-form.tsx';
import { ReplyForm } from '../../features/tracking/components/reply-form.tsx';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { FixVerdictForm } from '../../features/citymap/components/fix-verdict-form.tsx';
import classes from '../../lib/portal.module.css';

const route = getRouteApi('/$lang/track');
const OPEN: readonly string[] = OPEN_STATUSES;

export function TrackPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  usePageTitle(t('track.title'));
  const [number, setNumber] = useState(search.number ?? '');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ number?: string; code?: string }>({});
  const [key, setKey] = useState<{ number: string; code: string } | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const track = useTrack(key);

  // Focus goes to the result (or the problem) after a search, not after a background refresh.
  const searched = useRef(false);
  useEffect(() => {
    if (!searched.current || track.isFetching) return;
    if (track.isSuccess) focusSoon(() => resultHeading.current);
    else if (track.isError) focusSoon(() => summary.current);
    searched.current = false;
  }, [track.isSuccess, track.isError, track.isFetching, track.dataUpdatedAt, track.errorUpdatedAt]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const n = number.trim().toUpperCase();
    const c = code.trim().toUpperCase();
    const found = { number: n ? undefined : t('errors.required'), code: c ? undefined : t('errors.required') };
    setErrors(found);
    if (found.number || found.code) {
      setKey(null);
      focusSoon(() => summary.current);
      return;
    }
    searched.current = true;
    if (key && key.number === n && key.code === c) void track.refetch();
    else setKey({ number: n, code: c });
  }

  const notFound = track.error instanceof ApiError && track.error.status === 404;
  const summaryItems = [
    ...(errors.number ? [{ fieldId: 'track-number', label: t('track.number'), message: errors.number }] : []),
    ...(errors.code ? [{ fieldId: 'track-code', label: t('track.code'), message: errors.code }] : []),
    ...(track.isError ? [{ label: '', message: notFound ? t('track.notFound') : track.error instanceof ApiError ? track.error.message : t('errors.network') }] : []),
  ];

  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{t('track.title')}</Title>
      <Text size="lg">{t('track.lead')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: summaryItems.length })} items={summaryItems} />
          <TextInput id="track-number" label={t('track.number')} description={t('track.numberHint')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={errors.number} autoComplete="off" maw={360} />
          <TextInput id="track-code" label={t('track.code')} description={t('track.codeHint')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} autoComplete="off" maw={360} />
          <Group>
            <Button type="submit" size="lg" loading={track.isFetching} data-testid="track-submit">
              {t('track.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {track.isFetching && !track.data && <Loader aria-label={t('common.loading')} />}
      {track.data && key && <TrackResult view={track.data} code={key.code} headingRef={resultHeading} onChange={() => void track.refetch()} />}
    </Stack>
  );
}

function TrackResult({ view, code, headingRef, onChange }: { view: TrackView; code: string; headingRef: React.Ref<HTMLHeadingElement>; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const key = { number: view.number, code };
  // Keyed by status so the answer appears as soon as the status says there is one.
  const corr = useCorrespondence(key, view.status);
  const messages = useTrackedMessages(key, view.status);
  const [replied, setReplied] = useState(false);
  const [rated, setRated] = useState(false);
  const repliedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (replied) focusSoon(() => repliedRef.current);
  }, [replied]);
  const answer = corr.data?.answer ?? null;
  const request = [...(corr.data?.messages ?? [])].reverse().find((m) => m.type === 'appeal.info_requested')?.text ?? null;
  const open = OPEN.includes(view.status);
  const now = Date.now();
  const overdue = open && view.legalDueAt && new Date(view.legalDueAt).getTime() < now;
  const daysLeft = view.legalDueAt ? Math.ceil((new Date(view.legalDueAt).getTime() - now) / 86_400_000) : null;
  const canRate = (view.status === 'answered' || view.status === 'closed') && view.satisfaction === null && !!answer;

  return (
    <Stack gap="lg" data-testid="track-result">
      <Title order={2} ref={headingRef} tabIndex={-1}>
        {t('track.resultTitle', { number: view.number })}
      </Title>
      <dl className={classes.dl}>
        <dt>{t('track.status')}</dt>
        <dd>
          <StatusBadge status={view.status} />
        </dd>
        <dt>{t('track.body')}</dt>
        <dd>
          <AnchorLink to="/$lang/bodies/$code" params={{ lang, code: view.body.code }}>
            {nameIn(view.body.name, lang)}
          </AnchorLink>
        </dd>
        <dt>{t('track.kind')}</dt>
        <dd>{enumLabel('kind', view.kind)}</dd>
        <dt>{t('track.receivedAt')}</dt>
        <dd>{formatDateTime(view.receivedAt, lang)}</dd>
        <dt>{t('track.legalDue')}</dt>
        <dd data-testid="track-due">
          {formatDate(view.legalDueAt, lang)}
          {open && daysLeft !== null && daysLeft >= 0 && <> ({t('track.daysLeft', { count: daysLeft })})</>}
        </dd>
        {view.resolution && (
          <>
            <dt>{t('track.resolution')}</dt>
            <dd data-testid="track-resolution">{enumLabel('resolution', view.resolution)}</dd>
          </>
        )}
        {view.satisfaction !== null && (
          <>
            <dt>{t('track.yourRating')}</dt>
            <dd>{t('track.ratingValue', { score: view.satisfaction })}</dd>
          </>
        )}
      </dl>
      {overdue && (
        <Alert color="red" variant="outline" title={t('track.overdueTitle')}>
          {t('track.overdueText')}
        </Alert>
      )}
      <Text size="sm">{t('track.termRule')}</Text>

      {answer && (
        <section aria-labelledby="answer-title">
          <Title order={3} id="answer-title">
            {t('track.answer')}
          </Title>
          <Text size="sm" mb="xs">
            {formatDateTime(answer.sentAt, lang)} · {enumLabel('resolution', answer.resolution)}
          </Text>
          <div className={classes.answer} data-testid="track-answer">
            {answer.text}
          </div>
        </section>
      )}

      {(view.status === 'awaiting_applicant' || replied) &&
        (replied ? (
          <Text ref={repliedRef} tabIndex={-1} fw={700} role="status">
            {t('track.replySent')}
          </Text>
        ) : (
          <ReplyForm
            number={view.number}
            code={code}
            request={request}
            onSent={() => {
              setReplied(true);
              onChange();
            }}
          />
        ))}

      <FixVerdictForm number={view.number} code={code} resolved={view.resolution === 'resolved' && (view.status === 'answered' || view.status === 'closed')} onSent={onChange} />

      {(canRate || rated) && (
        <FeedbackForm
          number={view.number}
          code={code}
          onSent={() => {
            // Stay on the thanks while the result refreshes with the rating.
            setRated(true);
            onChange();
          }}
        />
      )}

      {open && (
        <section aria-labelledby="telegram-title">
          <Title order={3} id="telegram-title" mb="xs">
            {t('telegram.trackTitle')}
          </Title>
          <Text mb="xs">{t('telegram.trackText')}</Text>
          <TelegramLink create={() => telegramLink(view.number, code)} label={t('telegram.trackButton')} />
        </section>
      )}

      <section aria-labelledby="history-title">
        <Title order={3} id="history-title" mb="sm">
          {t('track.history')}
        </Title>
        <ol className={classes.history}>
          {view.history.map((e, i) => (
            <li key={i}>
              <Text fw={700}>{formatDateTime(e.at, lang)}</Text>
              <Text>{eventText(e, lang)}</Text>
            </li>
          ))}
        </ol>
      </section>

      {messages.data && messages.data.items.length > 0 && (
        <section aria-labelledby="messages-title">
          <Title order={3} id="messages-title" mb="sm">
            {t('track.messages')}
          </Title>
          <Stack gap="sm">
            {messages.data.items.map((m) => (
              <details key={m.id} className={classes.message}>
                <summary>
                  {formatDateTime(m.at, lang)} — {m.subject}
                </summary>
                <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }} lang={m.language}>
                  {m.text}
                </Text>
              </details>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
