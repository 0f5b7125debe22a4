// Asking in public (the Q&A or the head's blog): the question, a name, how to answer, and
// the consent to publication; the number and access code come back for tracking.
import { useRef, useState, type FormEvent } from 'react';
import { Button, Checkbox, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryItem } from '../../../components/error-summary.tsx';
import { ApiError } from '../../../lib/api.ts';
import { focusSoon } from '../../../lib/page.ts';
import type { AskBody, Asked } from '../api.ts';

export function AskForm({ send, answerMethods, children }: { send: (b: AskBody) => Promise<Asked>; answerMethods: readonly ('email' | 'sms' | 'portal')[]; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [method, setMethod] = useState<string>(answerMethods[0]);
  const [consent, setConsent] = useState(false);
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [done, setDone] = useState<Asked | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: SummaryItem[] = [];
    if (text.trim().length < 3) found.push({ fieldId: 'ask-text', label: t('online.ask.text'), message: t('online.ask.required') });
    if (name.trim().length < 2) found.push({ fieldId: 'ask-name', label: t('online.ask.name'), message: t('online.ask.required') });
    if (method === 'email' && !email.trim()) found.push({ fieldId: 'ask-email', label: t('online.ask.email'), message: t('online.ask.required') });
    if (method === 'sms' && !phone.trim()) found.push({ fieldId: 'ask-phone', label: t('online.ask.phone'), message: t('online.ask.required') });
    setProblems(found);
    if (found.length) return focusSoon(() => summaryRef.current);
    setBusy(true);
    try {
      const res = await send({ text: text.trim(), name: name.trim(), ...(email.trim() ? { email: email.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}), preferredAnswer: method, consentToPublish: consent });
      setDone(res);
      focusSoon(() => doneRef.current);
    } catch (err) {
      setProblems([{ label: '', message: err instanceof ApiError ? err.message : t('common.loadFailed') }]);
      focusSoon(() => summaryRef.current);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <Paper withBorder p="md" data-testid="ask-done">
        <Title order={2} ref={doneRef} tabIndex={-1}>
          {t('online.ask.doneTitle', { number: done.number })}
        </Title>
        <Text mt="sm">{t('online.ask.doneCode', { code: done.accessCode })}</Text>
        <Text mt="sm">{done.moderation === 'pending' ? t('online.ask.donePending') : t('online.ask.donePrivate')}</Text>
      </Paper>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="ask-title">
      <Stack gap="sm" maw={640}>
        <Title order={2} id="ask-title">
          {t('online.ask.title')}
        </Title>
        <ErrorSummary ref={summaryRef} title={t('online.ask.problems')} items={problems} />
        {children}
        <Textarea id="ask-text" label={t('online.ask.text')} required minRows={4} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <TextInput id="ask-name" label={t('online.ask.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="name" />
        {answerMethods.length > 1 && (
          <NativeSelect id="ask-method" label={t('online.ask.method')} value={method} onChange={(e) => setMethod(e.currentTarget.value)}>
            {answerMethods.map((m) => (
              <option key={m} value={m}>
                {t(`online.ask.methods.${m}`)}
              </option>
            ))}
          </NativeSelect>
        )}
        <TextInput id="ask-email" type="email" label={t('online.ask.email')} required={method === 'email'} value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoComplete="email" />
        {answerMethods.includes('sms') && <TextInput id="ask-phone" type="tel" label={t('online.ask.phone')} required={method === 'sms'} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} autoComplete="tel" />}
        <Checkbox id="ask-consent" label={t('online.ask.consent')} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
        <Text size="sm">{t('online.ask.consentHint')}</Text>
        <div>
          <Button type="submit" loading={busy}>
            {t('online.ask.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
