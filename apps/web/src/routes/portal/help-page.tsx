// "How can I help you?": one search box over topics, bodies, the knowledge base and the
// published Q&A; every answer names the body and the channel to use. A search, not a chatbot.
import { useState } from 'react';
import { Anchor, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { enumLabel } from '../../i18n/index.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { useHelp, type BodyRef } from '../../features/online/api.ts';
import { PageUseful } from '../../features/online/components/page-useful.tsx';

function Where({ b }: { b: BodyRef }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Text size="sm">
      <AnchorLink to="/$lang/bodies/$code" params={{ lang, code: b.code }}>
        {nameIn(b.name, lang)}
      </AnchorLink>
      {b.channel && <> — {t('online.help.use', { channel: enumLabel('channel', b.channel.channel) })}</>}
      {b.channel?.phone && (
        <>
          {' '}
          <Anchor href={`tel:${b.channel.phone.replace(/\s/g, '')}`}>{b.channel.phone}</Anchor>
        </>
      )}
    </Text>
  );
}

export function HelpPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('online.help.title'));
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const help = useHelp(debounced);
  const r = help.data;
  const empty = r && !r.topics.length && !r.bodies.length && !r.articles.length && !r.questions.length;
  return (
    <Stack gap="xl" maw={900}>
      <Title order={1}>{t('online.help.title')}</Title>
      <div role="search">
        <TextInput type="search" size="lg" label={t('online.help.label')} description={t('online.help.hint')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      </div>
      <div aria-live="polite" data-testid="help-results">
        {debounced.length >= 2 && empty && <Text>{t('online.help.nothing')}</Text>}
        {r && r.topics.length > 0 && (
          <section aria-labelledby="help-topics">
            <Title order={2} id="help-topics" mb="sm">
              {t('online.help.topics')}
            </Title>
            <Stack>
              {r.topics.map((tp) => (
                <Paper key={tp.code} withBorder p="md">
                  <Title order={3} size="h4">
                    {nameIn(tp.name, lang)}
                  </Title>
                  {tp.bodies.map((b) => (
                    <Where key={b.code} b={b} />
                  ))}
                </Paper>
              ))}
            </Stack>
          </section>
        )}
        {r && r.bodies.length > 0 && (
          <section aria-labelledby="help-bodies">
            <Title order={2} id="help-bodies" my="sm">
              {t('online.help.bodies')}
            </Title>
            {r.bodies.map((b) => (
              <Where key={b.code} b={b} />
            ))}
          </section>
        )}
        {r && r.articles.length > 0 && (
          <section aria-labelledby="help-articles">
            <Title order={2} id="help-articles" my="sm">
              {t('online.help.articles')}
            </Title>
            <Stack>
              {r.articles.map((a) => (
                <Paper key={a.id} withBorder p="md">
                  <Title order={3} size="h4">
                    {a.title}
                  </Title>
                  <Text>{a.excerpt}</Text>
                  {a.body && <Where b={a.body} />}
                </Paper>
              ))}
            </Stack>
          </section>
        )}
        {r && r.questions.length > 0 && (
          <section aria-labelledby="help-questions">
            <Title order={2} id="help-questions" my="sm">
              {t('online.help.questions')}
            </Title>
            <Stack>
              {r.questions.map((x) => (
                <Paper key={x.id} withBorder p="md">
                  <Title order={3} size="h4">
                    {x.question}
                  </Title>
                  {x.answer && <Text>{x.answer}</Text>}
                  <Where b={x.body} />
                </Paper>
              ))}
            </Stack>
          </section>
        )}
      </div>
      <PageUseful />
    </Stack>
  );
}
