// Published questions with their answers.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { useLang } from '../../../lib/use-lang.ts';
import { nameIn } from '../../bodies/components/body-name.ts';
import type { PublicQuestion } from '../api.ts';

export function QuestionList({ items, headingLevel = 3 }: { items: PublicQuestion[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (items.length === 0) return <Text>{t('online.qa.none')}</Text>;
  return (
    <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0 }} data-testid="qa-list">
      {items.map((q) => (
        <li key={q.id}>
          <Paper withBorder p="md">
            <Title order={headingLevel} size="h4">
              {q.question}
            </Title>
            <Text size="sm" mt={4}>
              {nameIn(q.body.name, lang)} · {formatDate(q.publishedAt, lang)}
            </Text>
            <Text mt="sm" fw={700}>
              {t('online.qa.answer')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{q.answer ?? t('online.qa.noAnswerYet')}</Text>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}
