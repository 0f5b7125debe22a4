// The online reception (channel 8): published questions and answers, searchable by words,
// body and topic, and the form to ask one (no signature; consent to publication asked).
import { useState } from 'react';
import { Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { useBodies, useTopics } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { askQuestion, usePublicQuestions } from '../../features/online/api.ts';
import { AskForm } from '../../features/online/components/ask-form.tsx';
import { PageUseful } from '../../features/online/components/page-useful.tsx';
import { QuestionList } from '../../features/online/components/question-list.tsx';

export function QaPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('online.qa.title'));
  const [q, setQ] = useState('');
  const [body, setBody] = useState('');
  const [topic, setTopic] = useState('');
  const [askBody, setAskBody] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const bodies = useBodies('');
  const topics = useTopics();
  const list = usePublicQuestions({ q: debounced || undefined, body: body || undefined, topic: topic || undefined });
  const bodyIdOf = (code: string) => bodies.data?.items.find((b) => b.code === code)?.id;

  return (
    <Stack gap="xl" maw={900}>
      <Title order={1}>{t('online.qa.title')}</Title>
      <Text>{t('online.qa.lead')}</Text>
      <section aria-labelledby="qa-search-title">
        <Title order={2} id="qa-search-title" mb="sm">
          {t('online.qa.published')}
        </Title>
        <Stack gap="sm" role="search" aria-label={t('online.qa.search')}>
          <TextInput type="search" label={t('online.qa.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <NativeSelect label={t('online.qa.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)}>
            <option value="">{t('online.qa.anyBody')}</option>
            {bodies.data?.items.map((b) => (
              <option key={b.code} value={b.code}>
                {nameIn(b.name, lang)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('online.qa.topic')} value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
            <option value="">{t('online.qa.anyTopic')}</option>
            {topics.data
              ?.filter((tp) => tp.parentCode === null)
              .map((tp) => (
                <option key={tp.code} value={tp.code}>
                  {nameIn(tp.name, lang)}
                </option>
              ))}
          </NativeSelect>
        </Stack>
        <div style={{ marginTop: 16 }} aria-live="polite" aria-busy={list.isFetching}>
          {list.isPending ? <Loader aria-label={t('common.loading')} /> : list.isError ? <Text>{t('common.loadFailed')}</Text> : <QuestionList items={list.data.items} />}
        </div>
      </section>
      <section>
        <AskForm send={(b) => askQuestion({ ...b, bodyId: bodyIdOf(askBody) })} answerMethods={['email']}>
          <NativeSelect id="ask-body" label={t('online.qa.askBody')} required value={askBody} onChange={(e) => setAskBody(e.currentTarget.value)}>
            <option value="">{t('online.qa.chooseBody')}</option>
            {bodies.data?.items.map((b) => (
              <option key={b.code} value={b.code}>
                {nameIn(b.name, lang)}
              </option>
            ))}
          </NativeSelect>
        </AskForm>
      </section>
      <PageUseful />
    </Stack>
  );
}
