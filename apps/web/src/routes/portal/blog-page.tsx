// The head's blog (channel 7): biography and contacts, news and events, the questions
// published with consent, and the form to ask the head.
import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { askHead, useHead, useHeadPosts, usePublicQuestions } from '../../features/online/api.ts';
import { AskForm } from '../../features/online/components/ask-form.tsx';
import { PageUseful } from '../../features/online/components/page-useful.tsx';
import { QuestionList } from '../../features/online/components/question-list.tsx';

const route = getRouteApi('/$lang/blog/$slug');

export function BlogPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = route.useParams();
  const head = useHead(slug);
  const posts = useHeadPosts(slug);
  const questions = usePublicQuestions({ headId: head.data?.id });
  usePageTitle(head.data ? head.data.name : t('online.blog.title'), !head.isPending);
  if (head.isPending) return <Loader aria-label={t('common.loading')} />;
  if (head.isError) return <Title order={1}>{t('online.blog.notFound')}</Title>;
  const h = head.data;
  return (
    <Stack gap="xl" maw={900}>
      <Stack gap={4}>
        <Text fw={600}>{nameIn(h.body.name, lang)}</Text>
        <Title order={1}>{h.name}</Title>
        <Text>{h.position}</Text>
      </Stack>
      <section aria-labelledby="bio-title">
        <Title order={2} id="bio-title" mb="sm">
          {t('online.blog.biography')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{h.biography}</Text>
        <Title order={3} size="h4" mt="md">
          {t('online.blog.contacts')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{h.contacts}</Text>
      </section>
      <section aria-labelledby="posts-title">
        <Title order={2} id="posts-title" mb="sm">
          {t('online.blog.posts')}
        </Title>
        <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0 }}>
          {posts.data?.items.map((p) => (
            <li key={p.id}>
              <Paper withBorder p="md">
                <Text size="sm">
                  {t(`online.blog.kind.${p.kind}`)} · {formatDate(p.publishedAt, lang)}
                </Text>
                <Title order={3} size="h4">
                  {p.title}
                </Title>
                {p.eventAt && <Text fw={700}>{t('online.blog.eventAt', { at: formatDateTime(p.eventAt, lang) })}</Text>}
                <Text mt="xs">{p.text}</Text>
              </Paper>
            </li>
          ))}
        </Stack>
      </section>
      <section aria-labelledby="head-questions-title">
        <Title order={2} id="head-questions-title" mb="sm">
          {t('online.blog.questions')}
        </Title>
        {questions.data && <QuestionList items={questions.data.items} />}
      </section>
      <AskForm send={(b) => askHead(slug, b)} answerMethods={['email', 'sms', 'portal']} />
      <PageUseful body={h.body.code} />
    </Stack>
  );
}
