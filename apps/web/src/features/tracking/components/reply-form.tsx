// The applicant answers the body's request for more information, from the tracking page.
import { useRef, useState, type FormEvent } from 'react';
import { Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { focusSoon } from '../../../lib/page.ts';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { sendReply } from '../api.ts';

export function ReplyForm({ number, code, request, onSent }: { number: string; code: string; request: string | null; onSent: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: () => sendReply(number, code, text.trim()),
    onSuccess: onSent,
    onError: (e) => {
      setError(e instanceof ApiError ? e.message : t('errors.network'));
      focusSoon(() => summary.current);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('errors.required'));
      focusSoon(() => summary.current);
      return;
    }
    setError(null);
    mutation.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="reply-title">
      <Stack>
        <Title order={3} id="reply-title">
          {t('track.replyTitle')}
        </Title>
        {request && (
          <Text style={{ whiteSpace: 'pre-wrap' }} fw={600}>
            {request}
          </Text>
        )}
        <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: 1 })} items={error ? [{ fieldId: 'reply-text', label: t('track.replyText'), message: error }] : []} />
        <Textarea id="reply-text" label={t('track.replyText')} description={t('track.replyHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error && !text.trim() ? error : undefined} autosize minRows={4} maxLength={20000} />
        <div>
          <Button type="submit" size="lg" loading={mutation.isPending}>
            {t('track.replySend')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
