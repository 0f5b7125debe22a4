// The developer body's side of a public discussion: its drafts and the form to publish one
// (Markdown; DOCX through the API), a draft's comments with the answer form (the server
// checks the required opening, refuses «Принято к сведению», wants the decision's reason),
// and the moderation queue of hidden comments.
import { useRef, useState, type FormEvent } from 'react';
import { Badge, Button, Group, Loader, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@tyndau/contracts';
import { AnchorLink } from '../../components/links.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { enumLabel } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { answerComment, moderateComment, publishDraft, useModerationQueue, useOwnDrafts, useStaffComments, type DraftComment } from '../../features/drafts/api.ts';

const commentsRoute = getRouteApi('/$lang/staff-area/staff/drafts/$id');

type Problems = Record<string, string>;
function problemsOf(e: unknown, known: string[], fallback: string): Problems {
  if (e instanceof ApiError) {
    const f = e.fields[0]?.field;
    return { [f && known.includes(f) ? f : fallback]: e.message };
  }
  return { [fallback]: e instanceof Error ? e.message : String(e) };
}

export function StaffDraftsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('drafts.staffTitle'));
  const own = useOwnDrafts();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<string>(lang);
  const [closesAt, setClosesAt] = useState('');
  const [markdown, setMarkdown] = useState('');
  const [errors, setErrors] = useState<Problems>({});
  const [message, setMessage] = useState('');
  const summary = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const labels: Record<string, string> = { title: t('drafts.fieldTitle'), language: t('drafts.fieldLanguage'), closesAt: t('drafts.fieldClosesAt'), markdown: t('drafts.fieldText') };
  const publish = useMutation({
    mutationFn: () => publishDraft({ title: title.trim(), language, closesAt, markdown }),
    onSuccess: (d) => {
      setMessage(t('drafts.publishedMessage', { title: d.title }));
      setTitle('');
      setMarkdown('');
      setErrors({});
      void queryClient.invalidateQueries({ queryKey: ['drafts'] });
      focusSoon(() => messageRef.current);
    },
    onError: (e) => {
      setErrors(problemsOf(e, Object.keys(labels), 'markdown'));
      focusSoon(() => summary.current);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Problems = {};
    if (title.trim().length < 3) found.title = t('drafts.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closesAt)) found.closesAt = t('drafts.dateFormat');
    if (!markdown.trim()) found.markdown = t('drafts.required');
    setErrors(found);
    if (Object.keys(found).length) return focusSoon(() => summary.current);
    publish.mutate();
  }
  const items: SummaryItem[] = Object.entries(errors).map(([f, m]) => ({ fieldId: `draft-${f}`, label: labels[f] ?? '', message: m }));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('drafts.staffTitle')}</Title>
      <div ref={messageRef} tabIndex={-1} role="status" data-testid="drafts-message">
        {message && <Text fw={700}>{message}</Text>}
      </div>
      <AnchorLink to="/$lang/staff/drafts-moderation" params={{ lang }}>
        {t('drafts.moderationTitle')}
      </AnchorLink>
      <section aria-labelledby="own-drafts">
        <Title order={2} size="h3" id="own-drafts">
          {t('drafts.ownTitle')}
        </Title>
        {own.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0 }} data-testid="own-drafts">
            {(own.data?.items ?? []).map((d) => (
              <li key={d.id}>
                <AnchorLink to="/$lang/staff/drafts/$id" params={{ lang, id: d.id }}>
                  {d.title}
                </AnchorLink>{' '}
                <Text span size="sm">
                  · {t(`drafts.state.${d.state}`)} · {t('drafts.until', { date: formatDate(d.closesAt, lang) })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </section>
      <Paper withBorder p="md" maw={900}>
        <form onSubmit={submit} noValidate aria-labelledby="publish-title" data-testid="publish-form">
          <Stack>
            <Title order={2} size="h3" id="publish-title">
              {t('drafts.publishTitle')}
            </Title>
            <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: items.length })} items={items} />
            <TextInput id="draft-title" label={labels.title} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} maxLength={300} />
            <NativeSelect id="draft-language" label={labels.language} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {enumLabel('language', l)}
                </option>
              ))}
            </NativeSelect>
            <TextInput id="draft-closesAt" type="date" label={labels.closesAt} value={closesAt} onChange={(e) => setClosesAt(e.currentTarget.value)} error={errors.closesAt} />
            <Textarea id="draft-markdown" label={labels.markdown} description={t('drafts.textHint')} value={markdown} onChange={(e) => setMarkdown(e.currentTarget.value)} error={errors.markdown} autosize minRows={8} />
            <Group>
              <Button type="submit" loading={publish.isPending}>
                {t('drafts.publish')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

export function StaffDraftCommentsPage() {
  const { t } = useTranslation();
  const { id } = commentsRoute.useParams();
  usePageTitle(t('drafts.commentsTitle'));
  const list = useStaffComments(id);
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('drafts.commentsTitle')}</Title>
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.isError ? (
        <Text>{list.error.message}</Text>
      ) : (
        <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0 }}>
          {list.data.items.map((c) => (
            <li key={c.id} data-testid="staff-comment">
              <StaffComment c={c} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function StaffComment({ c }: { c: DraftComment }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`c-${c.id}`}>
      <Group gap="xs">
        <Title order={2} size="h4" id={`c-${c.id}`}>
          {c.authorName}
        </Title>
        <Badge variant="outline" color="dark">
          {t(`drafts.stance.${c.stance}`)}
        </Badge>
        {c.hiddenReason && (
          <Badge variant="outline" color="dark">
            {t(`drafts.hidden.${c.hiddenReason}`)}
          </Badge>
        )}
        {c.overdue && <Badge color="red">{t('drafts.overdue')}</Badge>}
      </Group>
      <Text>{c.text}</Text>
      <Text size="sm">{t('drafts.answerDue', { date: formatDateTime(c.answerDueAt, lang) })}</Text>
      {c.answer ? (
        <Text mt="xs" data-testid="given-answer">
          <strong>{t(`drafts.decision.${c.answer.decision}`)}:</strong> {c.answer.text}
        </Text>
      ) : (
        <AnswerForm commentId={c.id} author={c.authorName} />
      )}
    </Paper>
  );
}

function AnswerForm({ commentId, author }: { commentId: string; author: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [decision, setDecision] = useState('accepted');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Problems>({});
  const summary = useRef<HTMLDivElement>(null);
  const labels: Record<string, string> = { text: t('drafts.answerText'), decision: t('drafts.decisionLabel'), reason: t('drafts.reason') };
  const save = useMutation({
    mutationFn: () => answerComment(commentId, { text, decision, reason }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['drafts'] }),
    onError: (e) => {
      setErrors(problemsOf(e, Object.keys(labels), 'text'));
      focusSoon(() => summary.current);
    },
  });
  const items: SummaryItem[] = Object.entries(errors).map(([f, m]) => ({ fieldId: `answer-${commentId}-${f}`, label: labels[f] ?? '', message: m }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
      aria-label={t('drafts.answerFor', { name: author })}
    >
      <Stack gap="xs" mt="sm">
        <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: items.length })} items={items} />
        <Textarea id={`answer-${commentId}-text`} label={labels.text} description={t('drafts.answerHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} autosize minRows={3} />
        <NativeSelect id={`answer-${commentId}-decision`} label={labels.decision} value={decision} onChange={(e) => setDecision(e.currentTarget.value)}>
          {(['accepted', 'partly_accepted', 'rejected'] as const).map((d) => (
            <option key={d} value={d}>
              {t(`drafts.decision.${d}`)}
            </option>
          ))}
        </NativeSelect>
        <Textarea id={`answer-${commentId}-reason`} label={labels.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('drafts.sendAnswer')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DraftsModerationPage() {
  const { t } = useTranslation();
  usePageTitle(t('drafts.moderationTitle'));
  const queue = useModerationQueue();
  const queryClient = useQueryClient();
  const act = useMutation({ mutationFn: ({ id, action }: { id: string; action: 'show' | 'hide' }) => moderateComment(id, action), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['drafts'] }) });
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('drafts.moderationTitle')}</Title>
      {queue.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : queue.isError ? (
        <Text>{queue.error.message}</Text>
      ) : queue.data.items.length === 0 ? (
        <Text>{t('drafts.moderationEmpty')}</Text>
      ) : (
        <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0 }} data-testid="moderation-queue">
          {queue.data.items.map((c) => (
            <li key={c.id}>
              <Paper withBorder p="md">
                <Text fw={700}>
                  {c.authorName} · {c.discussionTitle}
                </Text>
                <Text>{c.text}</Text>
                {c.hiddenReason && <Text size="sm">{t(`drafts.hidden.${c.hiddenReason}`)}</Text>}
                <Group mt="xs">
                  <Button variant="outline" onClick={() => act.mutate({ id: c.id, action: 'show' })} aria-label={t('drafts.showNamed', { name: c.authorName })}>
                    {t('drafts.show')}
                  </Button>
                  <Button variant="outline" onClick={() => act.mutate({ id: c.id, action: 'hide' })} aria-label={t('drafts.keepHiddenNamed', { name: c.authorName })}>
                    {t('drafts.keepHidden')}
                  </Button>
                </Group>
              </Paper>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
