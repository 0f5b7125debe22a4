// Perception surveys for the analyst: the body's surveys, a new one from the study's template
// or built question by question (kk/ru/en), quotas per group, invitations by link and QR
// code, and the results: cross-tabulations by any profile dimension, weighted or not, with
// the chi-square p-value; responses downloadable as CSV and XLSX.
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Loader, NativeSelect, NumberInput, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { formatNumber } from '../../lib/format.ts';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { createSurvey, invite, setStatus, useProfile, useResults, useSurvey, useSurveys, type Question, type QuestionKind } from '../../features/surveys/api.ts';

const KINDS: QuestionKind[] = ['single', 'multiple', 'scale', 'text'];

export function SurveysPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('surveys.title'));
  const list = useSurveys();
  const [selected, setSelected] = useState<string | null>(null);
  const [building, setBuilding] = useState(false);
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  const fromTemplate = useMutation({
    mutationFn: () => createSurvey({ template: 'channels' }),
    onSuccess: (s) => created(s.id, s.title[lang]),
  });
  function created(id: string, title: string) {
    setBuilding(false);
    setSelected(id);
    setMessage(t('surveys.created', { title }));
    void queryClient.invalidateQueries({ queryKey: ['surveys'] });
    focusSoon(() => messageRef.current);
  }

  return (
    <Stack gap="lg">
      <Title order={1}>{t('surveys.title')}</Title>
      <Text>{t('surveys.intro')}</Text>
      {message && (
        <Alert ref={messageRef} tabIndex={-1} color="green" data-testid="surveys-message">
          {message}
        </Alert>
      )}
      <Group>
        <Button onClick={() => fromTemplate.mutate()} loading={fromTemplate.isPending}>
          {t('surveys.fromTemplate')}
        </Button>
        <Button variant="outline" onClick={() => setBuilding(true)}>
          {t('surveys.build')}
        </Button>
      </Group>
      {building && <Builder onDone={created} onCancel={() => setBuilding(false)} />}
      <section aria-labelledby="surveys-list-title">
        <Title order={2} id="surveys-list-title">
          {t('surveys.list')}
        </Title>
        {list.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : (
          <Stack gap="xs" mt="sm" data-testid="surveys-list">
            {(list.data?.items ?? []).length === 0 && <Text>{t('surveys.none')}</Text>}
            {list.data?.items.map((s) => (
              <Group key={s.id} justify="space-between">
                <Text>
                  {s.title[lang]} · {t(`surveys.status.${s.status}`)} · {t('surveys.responses', { count: s.responses })}
                </Text>
                <Button size="xs" variant={selected === s.id ? 'filled' : 'light'} onClick={() => setSelected(s.id)} aria-label={`${t('surveys.openSurvey')}: ${s.title[lang]}`}>
                  {t('surveys.openSurvey')}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </section>
      {selected && <SurveyDetail id={selected} />}
    </Stack>
  );
}

function Builder({ onDone, onCancel }: { onDone: (id: string, title: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const profile = useProfile();
  const [title, setTitle] = useState({ kk: '', ru: '', en: '' });
  const [questions, setQuestions] = useState<Question[]>([]);
  const [kind, setKind] = useState<QuestionKind>('single');
  const [text, setText] = useState({ kk: '', ru: '', en: '' });
  const [options, setOptions] = useState('');
  const [quotaDim, setQuotaDim] = useState('');
  const [quota, setQuota] = useState<Record<string, number>>({});
  const [error, setError] = useState('');
  const save = useMutation({
    mutationFn: () => createSurvey({ title, questions, quotas: quotaDim ? { [quotaDim]: quota } : {} }),
    onSuccess: (s) => onDone(s.id, s.title[lang]),
    onError: (e) => setError(e.message),
  });
  function addQuestion(e: FormEvent) {
    e.preventDefault();
    const opts = options
      .split('\n')
      .map((l) => l.split('|').map((x) => x.trim()))
      .filter((p) => p[0]);
    if (!text.kk || !text.ru || !text.en || ((kind === 'single' || kind === 'multiple') && opts.length < 2)) return setError(t('surveys.builder.incomplete'));
    setError('');
    setQuestions([
      ...questions,
      {
        id: `q${questions.length + 1}`,
        kind,
        text,
        ...(kind === 'single' || kind === 'multiple' ? { options: opts.map((p, i) => ({ id: `o${i + 1}`, text: { kk: p[0], ru: p[1] || p[0], en: p[2] || p[0] } })) } : {}),
        ...(kind === 'scale' ? { max: 5 } : {}),
      },
    ]);
    setText({ kk: '', ru: '', en: '' });
    setOptions('');
  }
  const dim = profile.data?.dimensions.find((d) => d.code === quotaDim);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="builder-title">
      <Stack>
        <Title order={2} id="builder-title">
          {t('surveys.build')}
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {(['kk', 'ru', 'en'] as const).map((l) => (
          <TextInput key={l} id={`survey-title-${l}`} label={`${t('surveys.builder.title')} (${l})`} value={title[l]} onChange={(e) => setTitle({ ...title, [l]: e.currentTarget.value })} />
        ))}
        <Text fw={600}>{t('surveys.builder.questions', { count: questions.length })}</Text>
        <ol>
          {questions.map((q) => (
            <li key={q.id}>
              {q.text[lang]} ({t(`surveys.kind.${q.kind}`)})
            </li>
          ))}
        </ol>
        <form onSubmit={addQuestion}>
          <Stack gap="xs">
            <NativeSelect id="question-kind" label={t('surveys.builder.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as QuestionKind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`surveys.kind.${k}`)}
                </option>
              ))}
            </NativeSelect>
            {(['kk', 'ru', 'en'] as const).map((l) => (
              <TextInput key={l} id={`question-text-${l}`} label={`${t('surveys.builder.questionText')} (${l})`} value={text[l]} onChange={(e) => setText({ ...text, [l]: e.currentTarget.value })} />
            ))}
            {(kind === 'single' || kind === 'multiple') && (
              <Textarea id="question-options" label={t('surveys.builder.options')} description={t('surveys.builder.optionsHint')} value={options} onChange={(e) => setOptions(e.currentTarget.value)} autosize minRows={3} />
            )}
            <Button type="submit" variant="light">
              {t('surveys.builder.add')}
            </Button>
          </Stack>
        </form>
        <NativeSelect id="quota-dimension" label={t('surveys.builder.quotaBy')} value={quotaDim} onChange={(e) => (setQuotaDim(e.currentTarget.value), setQuota({}))}>
          <option value="">{t('surveys.builder.noQuota')}</option>
          {profile.data?.dimensions.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name[lang]}
            </option>
          ))}
        </NativeSelect>
        {dim?.groups.map((g) => (
          <NumberInput key={g.code} id={`quota-${g.code}`} label={`${t('surveys.builder.target')}: ${g.name[lang]}`} min={0} value={quota[g.code] ?? ''} onChange={(v) => setQuota({ ...quota, [g.code]: Number(v) || 0 })} />
        ))}
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={questions.length === 0}>
            {t('surveys.builder.save')}
          </Button>
          <Button variant="outline" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function SurveyDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const survey = useSurvey(id);
  const profile = useProfile();
  const queryClient = useQueryClient();
  const [by, setBy] = useState('ageGroup');
  const [weighted, setWeighted] = useState(false);
  const [count, setCount] = useState<number>(10);
  const [channel, setChannel] = useState<'link' | 'qr'>('qr');
  const results = useResults(id, by, weighted);
  const status = useMutation({ mutationFn: (to: 'open' | 'close') => setStatus(id, to), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['surveys'] }) });
  const invitations = useMutation({ mutationFn: () => invite(id, { count, channel, language: lang }) });
  if (survey.isPending) return <Loader aria-label={t('common.loading')} />;
  if (survey.isError) return <Alert color="red">{survey.error.message}</Alert>;
  const s = survey.data;
  const dim = profile.data?.dimensions.find((d) => d.code === by);
  const groupName = (g: string) => dim?.groups.find((x) => x.code === g)?.name[lang] ?? g;
  const pct = (x: number | null) => (x === null ? '—' : `${formatNumber(x, lang)} %`);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="survey-detail-title" data-testid="survey-detail">
      <Stack>
        <Title order={2} id="survey-detail-title">
          {s.title[lang]}
        </Title>
        <Text>
          {t(`surveys.status.${s.status}`)} · {t('surveys.invited', { count: s.invitations ?? 0, responded: s.responded ?? 0 })}
        </Text>
        <Group>
          {s.status === 'draft' && <Button onClick={() => status.mutate('open')}>{t('surveys.open')}</Button>}
          {s.status === 'open' && (
            <Button variant="outline" onClick={() => status.mutate('close')}>
              {t('surveys.close')}
            </Button>
          )}
          <Button component="a" variant="light" href={`/api/v1/surveys/${id}/responses?format=csv`} download>
            {t('surveys.csv')}
          </Button>
          <Button component="a" variant="light" href={`/api/v1/surveys/${id}/responses?format=xlsx`} download>
            {t('surveys.xlsx')}
          </Button>
        </Group>
        {s.status !== 'closed' && (
          <Group align="end">
            <NumberInput id="invite-count" label={t('surveys.inviteCount')} min={1} max={1000} value={count} onChange={(v) => setCount(Number(v) || 1)} w={160} />
            <NativeSelect id="invite-channel" label={t('surveys.inviteChannel')} value={channel} onChange={(e) => setChannel(e.currentTarget.value as 'link' | 'qr')}>
              <option value="qr">{t('surveys.channel.qr')}</option>
              <option value="link">{t('surveys.channel.link')}</option>
            </NativeSelect>
            <Button onClick={() => invitations.mutate()} loading={invitations.isPending}>
              {t('surveys.invite')}
            </Button>
          </Group>
        )}
        {invitations.data && (
          <ScrollRegion label={t('surveys.invitations')}>
            <ol data-testid="survey-invitations">
              {invitations.data.items.map((i) => (
                <li key={i.token}>
                  <a href={i.url}>{i.url}</a>
                  {i.qrSvg && <img alt={t('surveys.qrAlt')} width={120} height={120} src={`data:image/svg+xml;utf8,${encodeURIComponent(i.qrSvg)}`} />}
                </li>
              ))}
            </ol>
          </ScrollRegion>
        )}
        <Title order={3}>{t('surveys.results')}</Title>
        <Group align="end">
          <NativeSelect id="results-by" label={t('surveys.by')} value={by} onChange={(e) => setBy(e.currentTarget.value)}>
            {profile.data?.dimensions.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name[lang]}
              </option>
            ))}
          </NativeSelect>
          <Checkbox id="results-weighted" label={t('surveys.weighted')} checked={weighted} onChange={(e) => setWeighted(e.currentTarget.checked)} />
        </Group>
        {results.data && (
          <Stack data-testid="survey-results">
            <Text>{t('surveys.responses', { count: results.data.responses })}</Text>
            {results.data.tables.map((tab) => (
              <ScrollRegion key={tab.questionId} label={tab.text[lang]}>
                <Table withTableBorder striped>
                  <caption>
                    {tab.text[lang]}
                    {tab.chiSquare ? ` — χ² = ${formatNumber(tab.chiSquare.statistic, lang)}, df = ${tab.chiSquare.df}, p = ${formatNumber(tab.chiSquare.pValue, lang)}` : ''}
                  </caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('surveys.answer')}</Table.Th>
                      {tab.groups.map((g) => (
                        <Table.Th key={g} scope="col">
                          {groupName(g)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {tab.rows.map((r) => (
                      <Table.Tr key={r.value}>
                        <Table.Th scope="row">{r.label[lang]}</Table.Th>
                        {r.counts.map((c, j) => (
                          <Table.Td key={j}>
                            {formatNumber(c, lang)} ({pct(r.columnPercent[j])})
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
