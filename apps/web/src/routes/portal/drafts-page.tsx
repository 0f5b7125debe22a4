// Public discussion of draft acts: the list of open drafts, and a draft's page — its text
// paragraph by paragraph with comments and the developer body's answers, and the form to
// comment (name, an e-mail or phone confirmed by a one-time code, for/against/neutral).
import { useRef, useState, type FormEvent } from 'react';
import { Badge, Button, Group, Loader, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { postComment, reportComment, requestCode, useDraftPage, useDrafts, type DraftComment } from '../../features/drafts/api.ts';

const listRoute = getRouteApi('/$lang/drafts');
const pageRoute = getRouteApi('/$lang/drafts/$id');

export function DraftsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { body } = listRoute.useSearch();
  usePageTitle(t('drafts.listTitle'));
  const list = useDrafts(body);
  return (
    <Stack gap="lg" maw={900}>
      <Title order={1}>{t('drafts.listTitle')}</Title>
      <Text>{t('drafts.listLead')}</Text>
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.isError ? (
        <Text>{t('common.loadFailed')}</Text>
      ) : list.data.items.length === 0 ? (
        <Text>{t('drafts.none')}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="drafts-list">
          {list.data.items.map((d) => (
            <li key={d.id}>
              <Paper withBorder p="md">
                <AnchorLink to="/$lang/drafts/$id" params={{ lang, id: d.id }} fw={700}>
                  {d.title}
                </AnchorLink>
                <Text size="sm">
                  {nameIn(d.body.name, lang)} · {t(`drafts.state.${d.state}`)} · {t('drafts.until', { date: formatDate(d.closesAt, lang) })}
                </Text>
              </Paper>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function DraftPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = pageRoute.useParams();
  const page = useDraftPage(id);
  usePageTitle(page.data?.title ?? t('drafts.pageTitle'), !page.isPending);
  const [target, setTarget] = useState<string | null>(null);

  if (page.isPending) return <Loader aria-label={t('common.loading')} />;
  if (page.isError) {
    return (
      <Stack>
        <Title order={1}>{page.error instanceof ApiError && page.error.status === 404 ? t('drafts.notFound') : t('common.loadFailed')}</Title>
      </Stack>
    );
  }
  const d = page.data;
  const open = d.state === 'open';
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Text fw={600}>{nameIn(d.body.name, lang)}</Text>
        <Title order={1}>{d.title}</Title>
        <Text>
          {t(`drafts.state.${d.state}`)} · {t('drafts.until', { date: formatDateTime(d.closesAt, lang) })}
          {d.extended ? ` · ${t('drafts.extended')}` : ''}
        </Text>
        <Text data-testid="draft-stats">{t('drafts.stats', { count: d.stats.comments, for: d.stats.for, against: d.stats.against, answered: d.stats.answered })}</Text>
        {d.state === 'ended' && (
          <Group>
            <a href={`/api/v1/drafts/${d.id}/summary.pdf`}>{t('drafts.summaryPdf')}</a>
            <a href={`/api/v1/drafts/${d.id}/summary.xlsx`}>{t('drafts.summaryXlsx')}</a>
          </Group>
        )}
      </Stack>
      {d.paragraphs.map((p, i) => (
        <section key={p.id} aria-labelledby={`para-${p.id}`}>
          {p.article && p.article !== d.paragraphs[i - 1]?.article && (
            <Title order={2} size="h3" mt="md">
              {p.article}
            </Title>
          )}
          <Paper withBorder p="md">
            <Text id={`para-${p.id}`}>
              <strong>{p.position}.</strong> {p.text}
            </Text>
            <CommentList comments={p.comments} />
            {open && (
              <Button variant="outline" size="sm" mt="xs" onClick={() => setTarget(p.id)} aria-label={t('drafts.commentOn', { n: p.position })}>
                {t('drafts.comment')}
              </Button>
            )}
            {target === p.id && <CommentForm draftId={d.id} paragraphId={p.id} onDone={() => setTarget(null)} />}
          </Paper>
        </section>
      ))}
    </Stack>
  );
}

function CommentList({ comments }: { comments: DraftComment[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [reported, setReported] = useState<Record<string, boolean>>({});
  if (comments.length === 0) return null;
  return (
    <Stack component="ul" gap="xs" mt="sm" style={{ listStyle: 'none', padding: 0 }} aria-label={t('drafts.comments')}>
      {comments.map((c) => (
        <li key={c.id} data-testid="draft-comment">
          <Paper p="sm" bg="gray.0">
            <Group gap="xs">
              <Text fw={700}>{c.authorName}</Text>
              <Badge variant="outline" color="dark">
                {t(`drafts.stance.${c.stance}`)}
              </Badge>
              <Text size="sm">{formatDateTime(c.createdAt, lang)}</Text>
            </Group>
            <Text>{c.text}</Text>
            {c.answer ? (
              <Stack gap={2} mt="xs" pl="md" style={{ borderLeft: '3px solid #555' }}>
                <Text fw={700}>
                  {t('drafts.answer')}: {t(`drafts.decision.${c.answer.decision}`)}
                </Text>
                <Text>{c.answer.text}</Text>
                <Text size="sm">{c.answer.reason}</Text>
              </Stack>
            ) : (
              <Text size="sm">{t('drafts.answerDue', { date: formatDate(c.answerDueAt, lang) })}</Text>
            )}
            <Button
              variant="subtle"
              size="xs"
              disabled={reported[c.id]}
              onClick={() => void reportComment(c.id).then(() => setReported((r) => ({ ...r, [c.id]: true })))}
              aria-label={t('drafts.reportNamed', { name: c.authorName })}
            >
              {reported[c.id] ? t('drafts.reported') : t('drafts.report')}
            </Button>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}

type Field = 'name' | 'contact' | 'code' | 'text';

function CommentForm({ draftId, paragraphId, onDone }: { draftId: string; paragraphId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [codeId, setCodeId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [stance, setStance] = useState('neutral');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState('');
  const summary = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const labels: Record<Field, string> = { name: t('drafts.name'), contact: t('drafts.contact'), code: t('drafts.code'), text: t('drafts.text') };
  const fail = (e: unknown) => {
    const field = e instanceof ApiError ? (e.fields[0]?.field as Field | undefined) : undefined;
    setErrors({ [field && field in labels ? field : 'text']: e instanceof Error ? e.message : String(e) });
    focusSoon(() => summary.current);
  };
  const sendCode = useMutation({
    mutationFn: () => requestCode(contact),
    onSuccess: (r) => {
      setCodeId(r.codeId);
      setErrors({});
      setStatus(t('drafts.codeSent'));
      focusSoon(() => document.getElementById('comment-code'));
    },
    onError: fail,
  });
  const send = useMutation({
    mutationFn: () => postComment(draftId, { paragraphId, name, contact, codeId: codeId!, code, stance, text }),
    onSuccess: (r) => {
      setStatus(r.hiddenReason ? t('drafts.sentHidden', { reason: t(`drafts.hidden.${r.hiddenReason}`) }) : t('drafts.sent'));
      void queryClient.invalidateQueries({ queryKey: ['drafts'] });
      focusSoon(() => statusRef.current);
      setTimeout(onDone, 4000);
    },
    onError: fail,
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (name.trim().length < 2) found.name = t('drafts.required');
    if (contact.trim().length < 5) found.contact = t('drafts.required');
    if (codeId && !code.trim()) found.code = t('drafts.required');
    if (codeId && text.trim().length < 2) found.text = t('drafts.required');
    setErrors(found);
    if (Object.keys(found).length) return focusSoon(() => summary.current);
    if (!codeId) sendCode.mutate();
    else send.mutate();
  }
  const items: SummaryItem[] = (Object.entries(errors) as [Field, string][]).map(([f, m]) => ({ fieldId: `comment-${f}`, label: labels[f], message: m }));
  return (
    <form onSubmit={submit} noValidate aria-label={t('drafts.formTitle')} data-testid="comment-form">
      <Stack mt="sm" gap="sm">
        <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: items.length })} items={items} />
        <div ref={statusRef} tabIndex={-1} role="status">
          {status && <Text fw={700}>{status}</Text>}
        </div>
        <TextInput id="comment-name" label={labels.name} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} autoComplete="name" />
        <TextInput id="comment-contact" label={labels.contact} description={t('drafts.contactHint')} value={contact} onChange={(e) => setContact(e.currentTarget.value)} error={errors.contact} disabled={!!codeId} />
        {codeId && (
          <>
            <TextInput id="comment-code" label={labels.code} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} inputMode="numeric" autoComplete="one-time-code" />
            <Radio.Group label={t('drafts.stanceLabel')} value={stance} onChange={setStance}>
              <Group mt={4}>
                {(['for', 'against', 'neutral'] as const).map((s) => (
                  <Radio key={s} value={s} label={t(`drafts.stance.${s}`)} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea id="comment-text" label={labels.text} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} autosize minRows={3} maxLength={5000} />
          </>
        )}
        <Group>
          <Button type="submit" loading={sendCode.isPending || send.isPending}>
            {codeId ? t('drafts.send') : t('drafts.getCode')}
          </Button>
          <Button variant="outline" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
