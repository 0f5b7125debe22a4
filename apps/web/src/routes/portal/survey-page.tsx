// The respondent's page: one questionnaire by invitation (a link or a QR code), the profile
// first (the study's quota groups), then the questions; one response per invitation.
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Loader, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { submitAnswers, useQuestionnaire, type Question } from '../../features/surveys/api.ts';

const route = getRouteApi('/$lang/survey/$token');

export function SurveyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { token } = route.useParams();
  const q = useQuestionnaire(token);
  usePageTitle(q.data ? q.data.title[lang] : t('surveys.respond.title'), !q.isPending);
  const [profile, setProfile] = useState<Record<string, string>>({});
  const [answers, setAnswers] = useState<Record<string, string | string[] | number>>({});
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const submit = useMutation({
    mutationFn: () => submitAnswers(token, { language: lang, profile, answers }),
    onSuccess: () => focusSoon(() => doneRef.current),
    onError: (e) => {
      const fields = e instanceof ApiError ? e.fields : [];
      setProblems(fields.length ? fields.map((f) => ({ fieldId: fieldId(f.field), label: '', message: f.message ?? e.message })) : [{ label: '', message: e.message }]);
      focusSoon(() => summaryRef.current);
    },
  });

  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.isError) return <Alert color="red" title={t('surveys.respond.notFound')}>{q.error.message}</Alert>;
  const s = q.data;
  if (submit.isSuccess || s.answered)
    return (
      <Stack>
        <Title order={1}>{s.title[lang]}</Title>
        <Alert ref={doneRef} tabIndex={-1} color="green" data-testid="survey-done">
          {submit.isSuccess ? t('surveys.respond.thanks') : t('surveys.respond.already')}
        </Alert>
      </Stack>
    );
  if (s.status !== 'open')
    return (
      <Stack>
        <Title order={1}>{s.title[lang]}</Title>
        <Alert>{t('surveys.respond.notOpen')}</Alert>
      </Stack>
    );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const missing: SummaryItem[] = [
      ...q.data!.dimensions.filter((d) => !profile[d.code]).map((d) => ({ fieldId: `profile-${d.code}`, label: d.name[lang], message: t('errors.required') })),
      ...q.data!.questions.filter((x) => x.required && (answers[x.id] === undefined || answers[x.id] === '')).map((x) => ({ fieldId: `answer-${x.id}`, label: x.text[lang], message: t('errors.required') })),
    ];
    setProblems(missing);
    if (missing.length) return focusSoon(() => summaryRef.current);
    submit.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg" maw={720}>
        <Title order={1}>{s.title[lang]}</Title>
        <Text>{t('surveys.respond.intro')}</Text>
        <ErrorSummary ref={summaryRef} title={t('errors.summaryTitle', { count: problems.length })} items={problems} />
        <Title order={2}>{t('surveys.respond.aboutYou')}</Title>
        {s.dimensions.map((d) => (
          <NativeSelect key={d.code} id={`profile-${d.code}`} label={d.name[lang]} value={profile[d.code] ?? ''} onChange={(e) => setProfile({ ...profile, [d.code]: e.currentTarget.value })} required>
            <option value="">{t('surveys.respond.choose')}</option>
            {d.groups.map((g) => (
              <option key={g.code} value={g.code}>
                {g.name[lang]}
              </option>
            ))}
          </NativeSelect>
        ))}
        <Title order={2}>{t('surveys.respond.questions')}</Title>
        {s.questions.map((x) => (
          <div key={x.id} data-question={x.id}>
            <QuestionField q={x} lang={lang} value={answers[x.id]} onChange={(v) => setAnswers({ ...answers, [x.id]: v })} />
          </div>
        ))}
        <Button type="submit" size="md" loading={submit.isPending} data-testid="survey-submit">
          {t('surveys.respond.submit')}
        </Button>
      </Stack>
    </form>
  );
}

const fieldId = (field: string) => (field.startsWith('profile.') ? `profile-${field.slice(8)}` : field.startsWith('answers.') ? `answer-${field.slice(8)}` : undefined);

function QuestionField({ q, lang, value, onChange }: { q: Question; lang: 'kk' | 'ru' | 'en'; value: string | string[] | number | undefined; onChange: (v: string | string[] | number) => void }) {
  const label = q.text[lang];
  if (q.kind === 'text') return <Textarea id={`answer-${q.id}`} label={label} value={(value as string) ?? ''} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />;
  if (q.kind === 'multiple')
    return (
      <Checkbox.Group id={`answer-${q.id}`} label={label} value={(value as string[]) ?? []} onChange={onChange}>
        <Stack gap="xs" mt="xs">
          {q.options!.map((o) => (
            <Checkbox key={o.id} value={o.id} label={o.text[lang]} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  const options = q.kind === 'scale' ? Array.from({ length: q.max ?? 5 }, (_, i) => ({ id: String(i + 1), text: { kk: String(i + 1), ru: String(i + 1), en: String(i + 1) } })) : q.options!;
  return (
    <Radio.Group id={`answer-${q.id}`} label={label} withAsterisk={q.required} value={value === undefined ? '' : String(value)} onChange={(v) => onChange(q.kind === 'scale' ? Number(v) : v)}>
      <Stack gap="xs" mt="xs">
        {options.map((o) => (
          <Radio key={o.id} value={o.id} label={o.text[lang]} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
