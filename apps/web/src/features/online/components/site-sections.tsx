// The body page's own sections (official website, channel 10): about, documents, news, social
// accounts, heads' blogs, the dated change log and the subscription to it.
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/links.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useLang } from '../../../lib/use-lang.ts';
import { subscribe, useSitePage } from '../api.ts';

export function SiteSections({ code }: { code: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const page = useSitePage(code);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState('');
  if (!page.data) return null;
  const p = page.data;
  const about = p.about[lang] ?? p.about.ru ?? p.about.kk ?? p.about.en;
  async function onSubscribe(e: FormEvent) {
    e.preventDefault();
    if (!email.trim()) return;
    await subscribe(code, email.trim(), lang).then(
      () => setSent(t('online.site.subscribeSent')),
      () => setSent(t('common.loadFailed')),
    );
  }
  return (
    <Stack gap="xl">
      {about && (
        <section aria-labelledby="about-title">
          <Title order={2} id="about-title" mb="sm">
            {t('online.site.about')}
          </Title>
          <Text>{about}</Text>
        </section>
      )}
      {p.heads.length > 0 && (
        <section aria-labelledby="heads-title">
          <Title order={2} id="heads-title" mb="sm">
            {t('online.site.heads')}
          </Title>
          <ul>
            {p.heads.map((h) => (
              <li key={h.slug}>
                <AnchorLink to="/$lang/blog/$slug" params={{ lang, slug: h.slug }}>
                  {h.name}
                </AnchorLink>{' '}
                — {h.position}
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.news.length > 0 && (
        <section aria-labelledby="news-title">
          <Title order={2} id="news-title" mb="sm">
            {t('online.site.news')}
          </Title>
          <ul>
            {p.news.map((n, i) => (
              <li key={i}>
                <Text fw={700}>
                  {n.title} ({formatDate(n.date, lang)})
                </Text>
                <Text>{n.text}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.documents.length > 0 && (
        <section aria-labelledby="docs-title">
          <Title order={2} id="docs-title" mb="sm">
            {t('online.site.documents')}
          </Title>
          <ul>
            {p.documents.map((d, i) => (
              <li key={i}>
                <Anchor href={d.url}>{d.title}</Anchor>
                {d.date && ` (${formatDate(d.date, lang)})`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.social.length > 0 && (
        <section aria-labelledby="social-title">
          <Title order={2} id="social-title" mb="sm">
            {t('online.site.social')}
          </Title>
          <ul>
            {p.social.map((s, i) => (
              <li key={i}>
                <Anchor href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.network}: {s.url.replace(/^https?:\/\//, '')}
                  <span className="visually-hidden"> ({t('common.newWindow')})</span>
                </Anchor>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="changes-title">
        <Title order={2} id="changes-title" mb="sm">
          {t('online.site.changes')}
        </Title>
        {p.changes.length === 0 ? (
          <Text>{t('online.site.noChanges')}</Text>
        ) : (
          <ul>
            {p.changes.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.at, lang)}: {c.sections.map((s) => t(`online.site.section.${s}` as 'online.site.section.about')).join(', ')}
              </li>
            ))}
          </ul>
        )}
        <Text size="sm" mt="xs">
          {t('online.site.completeness', { score: p.completeness.score })}
        </Text>
        <form onSubmit={(e) => void onSubscribe(e)} aria-labelledby="subscribe-title">
          <Title order={3} size="h4" id="subscribe-title" mt="md">
            {t('online.site.subscribe')}
          </Title>
          <Group align="end" gap="sm">
            <TextInput type="email" label={t('online.ask.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoComplete="email" />
            <Button type="submit">{t('online.site.subscribeButton')}</Button>
          </Group>
          <div role="status">{sent && <Text mt="xs">{sent}</Text>}</div>
        </form>
      </section>
    </Stack>
  );
}
