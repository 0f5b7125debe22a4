// The knowledge base beside a text being written (a consultation, an answer draft):
// search, read, and insert an article's text at the end of the text. Typing waits a
// moment before searching; results are announced politely.
import { useId, useState } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { LANGUAGES } from '@tyndau/contracts';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../../../i18n/index.ts';
import { useKnowledgeSearch, type Article } from '../api.ts';

export function ArticlePicker({ onInsert, language, headingOrder = 3, inputId }: { onInsert: (a: Article) => void; language?: string; headingOrder?: 2 | 3 | 4; inputId?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [lang, setLang] = useState(language ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const results = useKnowledgeSearch(debounced, lang || undefined);
  const headingId = useId();
  const items = results.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="article-picker">
      <Stack gap="sm">
        <Title order={headingOrder} id={headingId} size="h4">
          {t('knowledge.pickerTitle')}
        </Title>
        <Group align="end" gap="sm">
          <TextInput
            id={inputId}
            type="search"
            label={t('knowledge.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            // The picker may sit inside another form: Enter searches, it never sends that form.
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            autoComplete="off"
            style={{ flex: 1 }}
          />
          <NativeSelect label={t('knowledge.language')} value={lang} onChange={(e) => setLang(e.currentTarget.value)}>
            <option value="">{t('knowledge.anyLanguage')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {enumLabel('language', l)}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <Text size="sm" aria-live="polite">
          {results.isPending ? t('common.loading') : results.isError ? t('common.loadFailed') : t('knowledge.found', { count: items.length })}
        </Text>
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((a) => (
            <li key={a.id}>
              <Paper withBorder p="sm" component="article" aria-label={a.title}>
                <Group justify="space-between" align="start" wrap="nowrap">
                  <Stack gap={2}>
                    <Text fw={700}>{a.title}</Text>
                    <Text size="sm">
                      {enumLabel('language', a.language)}
                      {a.shared ? ` · ${t('knowledge.shared')}` : ''}
                    </Text>
                    <Text size="sm" lineClamp={3}>
                      {a.body}
                    </Text>
                  </Stack>
                  <Button variant="outline" style={{ flexShrink: 0 }} onClick={() => onInsert(a)} aria-label={t('knowledge.insertNamed', { title: a.title })}>
                    {t('knowledge.insert')}
                  </Button>
                </Group>
              </Paper>
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** The text with the article's body appended (a blank line between). */
export function withArticle(text: string, a: Article): string {
  const base = text.replace(/\s+$/, '');
  return base ? `${base}\n\n${a.body}` : a.body;
}
