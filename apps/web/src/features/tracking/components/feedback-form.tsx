// Rate the answer 1–5 and, if you disagree, say so: disagreement opens a complaint about
// the answer in the same body.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { focusSoon } from '../../../lib/page.ts';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { sendFeedback } from '../api.ts';

export function FeedbackForm({ number, code, onSent }: { number: string; code: string; onSent: () => void }) {
  const { t } = useTranslation();
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [disagree, setDisagree] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Record<string, unknown> | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const thanks = useRef<HTMLHeadingElement>(null);

  const mutation = useMutation({
    mutationFn: () => sendFeedback(number, { code, score: Number(score), comment: comment.trim() || undefined, disagree }),
    onSuccess: (r) => {
      setSent(r ?? {});
      onSent();
    },
    onError: (e) => {
      setError(e instanceof ApiError ? e.message : t('errors.network'));
      focusSoon(() => summary.current);
    },
  });

  // Once the thanks is on the page, focus goes to it (the button that had focus is gone).
  useEffect(() => {
    if (sent) focusSoon(() => thanks.current);
  }, [sent]);

  if (sent) {
    const complaint = (sent.complaint as { number?: string } | undefined)?.number ?? (sent.complaintNumber as string | undefined);
    return (
      <Stack data-testid="feedback-thanks">
        <Title order={3} ref={thanks} tabIndex={-1}>
          {t('feedback.thanks')}
        </Title>
        {disagree && <Text>{complaint ? t('feedback.complaintOpened', { number: complaint }) : t('feedback.complaintOpenedNoNumber')}</Text>}
      </Stack>
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!score) {
      setError(t('feedback.chooseScore'));
      focusSoon(() => summary.current);
      return;
    }
    setError(null);
    mutation.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t('feedback.title')}>
        <Stack>
          <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: 1 })} items={error ? [{ fieldId: score ? undefined : 'feedback-score', label: '', message: error }] : []} />
          <Radio.Group id="feedback-score" label={t('feedback.score')} value={score} onChange={setScore} error={!score && error ? t('feedback.chooseScore') : undefined}>
            <Stack gap="xs" mt="xs">
              {[5, 4, 3, 2, 1].map((n) => (
                <Radio key={n} value={String(n)} size="md" label={t(`feedback.scoreLabel.${n}` as 'feedback.scoreLabel.5')} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea label={`${t('feedback.comment')} ${t('common.optional')}`} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={3} maxLength={2000} />
          <Checkbox size="md" label={t('feedback.disagree')} description={t('feedback.disagreeHint')} checked={disagree} onChange={(e) => setDisagree(e.currentTarget.checked)} />
          <div>
            <Button type="submit" size="lg" loading={mutation.isPending}>
              {t('feedback.send')}
            </Button>
          </div>
        </Stack>
      </Fieldset>
    </form>
  );
}
