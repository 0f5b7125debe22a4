// The moderator's page: questions asked with consent to publication. Each is published as
// edited (free of personal data; the original stays in the register), rejected with one of
// Decidim's reasons (the asker is told) or kept private as an ordinary appeal.
import { useRef, useState } from 'react';
import { Button, Group, Loader, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { approve, keepPrivate, reject, useModeration, type ModerationItem } from '../../features/online/api.ts';

const REASONS = ['spam', 'offensive', 'does_not_belong', 'personal_data'] as const;
const STATUSES = ['pending', 'published', 'rejected', 'private'] as const;

export function QaModerationPage() {
  const { t } = useTranslation();
  usePageTitle(t('online.moderation.title'));
  const [status, setStatus] = useState<string>('pending');
  const list = useModeration(status);
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  const done = (text: string) => {
    setMessage(text);
    void queryClient.invalidateQueries({ queryKey: ['qa-moderation'] });
    focusSoon(() => messageRef.current);
  };
  return (
    <Stack gap="lg">
      <Title order={1}>{t('online.moderation.title')}</Title>
      <Text>{t('online.moderation.lead')}</Text>
      <div ref={messageRef} tabIndex={-1} role="status" data-testid="moderation-message">
        {message && <Text fw={700}>{message}</Text>}
      </div>
      <NativeSelect label={t('online.moderation.status')} value={status} onChange={(e) => setStatus(e.currentTarget.value)} maw={300}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`online.moderation.statuses.${s}`)}
          </option>
        ))}
      </NativeSelect>
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.isError ? (
        <Text>{list.error instanceof ApiError ? list.error.message : t('common.loadFailed')}</Text>
      ) : list.data.items.length === 0 ? (
        <Text>{t('online.moderation.empty')}</Text>
      ) : (
        <Stack component="ul" style={{ listStyle: 'none', padding: 0 }}>
          {list.data.items.map((q) => (
            <li key={q.id}>
              <Item q={q} onDone={done} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Item({ q, onDone }: { q: ModerationItem; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [question, setQuestion] = useState(q.suggestedQuestion);
  const [answer, setAnswer] = useState(q.answer ?? '');
  const [reason, setReason] = useState<string>('spam');
  const [error, setError] = useState('');
  const act = (p: Promise<unknown>, ok: string) =>
    p.then(
      () => onDone(ok),
      (e: unknown) => setError(e instanceof ApiError ? e.message : t('common.loadFailed')),
    );
  const open = q.status === 'pending' || q.status === 'published';
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        {t('online.moderation.item', { number: q.number })}
      </Title>
      <Text size="sm">
        {formatDateTime(q.receivedAt, lang)} · {t(`online.moderation.channel.${q.channel}` as 'online.moderation.channel.online_qa')} · {t(`online.moderation.statuses.${q.status}` as 'online.moderation.statuses.pending')}
      </Text>
      <Text fw={700} mt="sm">
        {t('online.moderation.original')}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{q.original}</Text>
      {open && q.consent && (
        <Stack gap="sm" mt="sm">
          <Textarea label={t('online.moderation.published')} description={t('online.moderation.publishedHint')} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} minRows={3} />
          {q.answer !== null && <Textarea label={t('online.moderation.answer')} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} minRows={3} />}
          {error && (
            <Text role="alert" c="red.9">
              {error}
            </Text>
          )}
          <Group align="end">
            <Button onClick={() => void act(approve(q.id, { question, ...(q.answer !== null && answer !== q.answer ? { answer } : {}) }), t('online.moderation.approved', { number: q.number }))}>{t('online.moderation.approve')}</Button>
            <NativeSelect label={t('online.moderation.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`online.moderation.reasons.${r}`)}
                </option>
              ))}
            </NativeSelect>
            <Button variant="outline" onClick={() => void act(reject(q.id, reason), t('online.moderation.rejected', { number: q.number }))}>
              {t('online.moderation.reject')}
            </Button>
            <Button variant="outline" onClick={() => void act(keepPrivate(q.id), t('online.moderation.madePrivate', { number: q.number }))}>
              {t('online.moderation.private')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
