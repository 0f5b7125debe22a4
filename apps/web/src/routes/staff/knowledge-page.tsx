// The knowledge base: every staff member searches and reads it; the communications officer
// and the administrator write their body's articles (the central body's administrator the
// shared ones) and publish them. One article is edited at a time, beside the list.
import { useRef, useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@tyndau/contracts';
import { enumLabel } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { useMe } from '../../features/staff/api.ts';
import { useTopics } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { createArticle, setPublished, updateArticle, useKnowledgePages, type Article } from '../../features/knowledge/api.ts';

const EDITORS = ['comms_officer', 'admin'];

export function KnowledgePage() {
  const { t } = useTranslation();
  usePageTitle(t('knowledge.title'));
  const me = useMe();
  const editor = !!me.data && EDITORS.includes(me.data.role);
  const [q, setQ] = useState('');
  const [language, setLanguage] = useState('');
  const [status, setStatus] = useState<'' | 'draft' | 'published'>('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const pages = useKnowledgePages({ q: debounced || undefined, language: language || undefined, status: status || undefined });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();

  function done(text: string) {
    setEditing(null);
    setMessage(text);
    void queryClient.invalidateQueries({ queryKey: ['knowledge'] });
    focusSoon(() => messageRef.current);
  }

  const publish = useMutation({
    mutationFn: ({ a, on }: { a: Article; on: boolean }) => setPublished(a.id, on),
    onSuccess: (a) => done(a.status === 'published' ? t('knowledge.publishedMessage', { title: a.title }) : t('knowledge.unpublishedMessage', { title: a.title })),
    onError: (e) => done(e.message),
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('knowledge.title')}</Title>
      <Text>{editor ? t('knowledge.leadEditor') : t('knowledge.lead')}</Text>
      <div ref={messageRef} tabIndex={-1} role="status" data-testid="knowledge-message">
        {message && <Text fw={700}>{message}</Text>}
      </div>
      <SimpleGrid cols={{ base: 1, md: editing ? 2 : 1 }} spacing="lg">
        <Stack gap="md">
          <Group align="end" gap="sm" role="search" aria-label={t('knowledge.filters')}>
            <TextInput type="search" label={t('knowledge.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
            <NativeSelect label={t('knowledge.language')} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
              <option value="">{t('knowledge.anyLanguage')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {enumLabel('language', l)}
                </option>
              ))}
            </NativeSelect>
            {editor && (
              <NativeSelect label={t('knowledge.status')} value={status} onChange={(e) => setStatus(e.currentTarget.value as typeof status)}>
                <option value="">{t('knowledge.anyStatus')}</option>
                <option value="published">{t('knowledge.statuses.published')}</option>
                <option value="draft">{t('knowledge.statuses.draft')}</option>
              </NativeSelect>
            )}
            {editor && (
              <Button
                onClick={() => {
                  setEditing('new');
                  focusSoon(() => document.getElementById('article-form-title'));
                }}
              >
                {t('knowledge.new')}
              </Button>
            )}
          </Group>
          <div aria-live="polite">{pages.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : pages.isError ? <Text>{pages.error.message}</Text> : <Text>{t('knowledge.found', { count: items.length })}</Text>}</div>
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="knowledge-list">
            {items.map((a) => (
              <li key={a.id}>
                <ArticleCard
                  article={a}
                  onEdit={() => {
                    setEditing(a);
                    focusSoon(() => document.getElementById('article-form-title'));
                  }}
                  onPublish={(on) => publish.mutate({ a, on })}
                  busy={publish.isPending && publish.variables?.a.id === a.id}
                />
              </li>
            ))}
          </Stack>
          {pages.hasNextPage && (
            <Button variant="outline" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
              {t('queue.more')}
            </Button>
          )}
        </Stack>
        {editing && <ArticleForm key={editing === 'new' ? 'new' : editing.id} article={editing === 'new' ? null : editing} mayShare={me.data?.role === 'admin'} onDone={done} onCancel={() => setEditing(null)} />}
      </SimpleGrid>
    </Stack>
  );
}

function ArticleCard({ article: a, onEdit, onPublish, busy }: { article: Article; onEdit: () => void; onPublish: (on: boolean) => void; busy: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`article-${a.id}`}>
      <Stack gap={4}>
        <Group justify="space-between" align="start">
          <Title order={2} size="h4" id={`article-${a.id}`}>
            {a.title}
          </Title>
          <Group gap={4}>
            <Badge variant="outline" color="dark">
              {enumLabel('language', a.language)}
            </Badge>
            {a.shared && (
              <Badge variant="outline" color="dark">
                {t('knowledge.shared')}
              </Badge>
            )}
            <Badge variant={a.status === 'published' ? 'filled' : 'outline'} color="dark">
              {t(`knowledge.statuses.${a.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{a.body}</Text>
        <Text size="sm">{t('knowledge.updated', { date: formatDateTime(a.updatedAt, lang) })}</Text>
        {a.editable && (
          <Group gap="xs" mt="xs">
            <Button variant="outline" onClick={onEdit} aria-label={t('knowledge.editNamed', { title: a.title })}>
              {t('knowledge.edit')}
            </Button>
            <Button variant="outline" loading={busy} onClick={() => onPublish(a.status !== 'published')} aria-label={`${a.status === 'published' ? t('knowledge.unpublish') : t('knowledge.publish')}: ${a.title}`}>
              {a.status === 'published' ? t('knowledge.unpublish') : t('knowledge.publish')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

type Errors = Partial<Record<'title' | 'body' | 'language' | 'topicCode', string>>;

function ArticleForm({ article, mayShare, onDone, onCancel }: { article: Article | null; mayShare: boolean; onDone: (m: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const topics = useTopics();
  const [title, setTitle] = useState(article?.title ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [language, setLanguage] = useState<string>(article?.language ?? lang);
  const [topicCode, setTopicCode] = useState(article?.topicCode ?? '');
  const [shared, setShared] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const labels = { title: t('knowledge.fieldTitle'), body: t('knowledge.fieldBody'), language: t('knowledge.language'), topicCode: t('knowledge.topic') };
  const save = useMutation({
    mutationFn: () => {
      const input = { title: title.trim(), body: body.trim(), language, topicCode: topicCode || null };
      return article ? updateArticle(article.id, input) : createArticle({ ...input, shared: shared || undefined });
    },
    onSuccess: (a) => onDone(t('knowledge.savedMessage', { title: a.title })),
    onError: (e) => {
      if (e instanceof ApiError) {
        const fe: Errors = {};
        for (const f of e.fields) if (f.field in labels) fe[f.field as keyof Errors] = e.message;
        setErrors(fe);
        setGeneral(Object.keys(fe).length ? null : e.message);
      } else setGeneral(t('errors.network'));
      focusSoon(() => summary.current);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    if (title.trim().length < 3) found.title = t('knowledge.tooShort');
    if (body.trim().length < 3) found.body = t('knowledge.tooShort');
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length) return focusSoon(() => summary.current);
    save.mutate();
  }

  const items: SummaryItem[] = [
    ...(Object.entries(errors) as [keyof Errors, string][]).filter(([, v]) => v).map(([f, v]) => ({ fieldId: `article-${f}`, label: labels[f], message: v })),
    ...(general ? [{ label: '', message: general }] : []),
  ];
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="article-form-title" data-testid="article-form">
        <Stack>
          <Title order={2} size="h3" id="article-form-title">
            {article ? t('knowledge.editTitle') : t('knowledge.new')}
          </Title>
          <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: items.length })} items={items} />
          <TextInput id="article-title" label={labels.title} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} maxLength={200} />
          <NativeSelect id="article-language" label={labels.language} value={language} onChange={(e) => setLanguage(e.currentTarget.value)} error={errors.language}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {enumLabel('language', l)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect id="article-topicCode" label={`${labels.topicCode} ${t('common.optional')}`} value={topicCode} onChange={(e) => setTopicCode(e.currentTarget.value)} error={errors.topicCode}>
            <option value="">—</option>
            {(topics.data ?? []).map((tp) => (
              <option key={tp.code} value={tp.code}>
                {tp.parentCode ? '— ' : ''}
                {nameIn(tp.name, lang)}
              </option>
            ))}
          </NativeSelect>
          <Textarea id="article-body" label={labels.body} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors.body} autosize minRows={8} maxLength={20000} />
          {!article && mayShare && <Checkbox label={t('knowledge.shareAll')} description={t('knowledge.shareHint')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('knowledge.save')}
            </Button>
            <Button variant="outline" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
