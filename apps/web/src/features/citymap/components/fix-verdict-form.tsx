// After an answer that says the problem was solved, the applicant says whether it really
// was, within 15 days: "fixed" closes the matter, "not fixed" opens a complaint about the
// answer (the same one the rating form's disagreement opens).
import { useRef, useState, type FormEvent } from 'react';
import { Button, Fieldset, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { focusSoon } from '../../../lib/page.ts';
import { useLang } from '../../../lib/use-lang.ts';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { useFixState, useGiveFixVerdict } from '../api.ts';

export function FixVerdictForm({ number, code, resolved, onSent }: { number: string; code: string; resolved: boolean; onSent: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useFixState(number, code, resolved);
  const give = useGiveFixVerdict(number);
  const [verdict, setVerdict] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const result = useRef<HTMLHeadingElement>(null);

  if (!resolved || !state.data?.asked) return null;
  if (give.data) {
    return (
      <Stack data-testid="fix-result">
        <Title order={3} ref={result} tabIndex={-1}>
          {give.data.verdict === 'confirmed' ? t('citymap.fix.thanksConfirmed') : t('citymap.fix.thanksRefuted')}
        </Title>
        {give.data.complaint && <Text>{t('citymap.fix.complaint', { number: give.data.complaint.number, code: give.data.complaint.accessCode })}</Text>}
      </Stack>
    );
  }
  if (state.data.verdict) return <Text data-testid="fix-given">{state.data.verdict.verdict === 'confirmed' ? t('citymap.fix.givenConfirmed', { date: formatDate(state.data.verdict.at, lang) }) : t('citymap.fix.givenRefuted', { date: formatDate(state.data.verdict.at, lang) })}</Text>;
  if (!state.data.canGive) return <Text>{t('citymap.fix.closed')}</Text>;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (verdict !== 'confirmed' && verdict !== 'refuted') {
      setError(t('citymap.fix.choose'));
      focusSoon(() => summary.current);
      return;
    }
    setError(null);
    give.mutate(
      { code, verdict, comment: comment.trim() || undefined },
      {
        onSuccess: () => {
          onSent();
          focusSoon(() => result.current);
        },
        onError: (err) => {
          setError(err instanceof ApiError ? err.message : t('errors.network'));
          focusSoon(() => summary.current);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="fix-form">
      <Fieldset legend={t('citymap.fix.title')}>
        <Stack>
          <Text>{t('citymap.fix.lead', { date: formatDate(state.data.until, lang) })}</Text>
          <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: 1 })} items={error ? [{ fieldId: verdict ? undefined : 'fix-verdict', label: '', message: error }] : []} />
          <Radio.Group id="fix-verdict" label={t('citymap.fix.question')} value={verdict} onChange={setVerdict}>
            <Stack gap="xs" mt="xs">
              <Radio value="confirmed" size="md" label={t('citymap.fix.confirmed')} />
              <Radio value="refuted" size="md" label={t('citymap.fix.refuted')} description={t('citymap.fix.refutedHint')} />
            </Stack>
          </Radio.Group>
          <Textarea id="fix-comment" label={`${t('citymap.fix.comment')} ${t('common.optional')}`} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          <div>
            <Button type="submit" size="lg" loading={give.isPending} data-testid="fix-send">
              {t('citymap.fix.send')}
            </Button>
          </div>
        </Stack>
      </Fieldset>
    </form>
  );
}
