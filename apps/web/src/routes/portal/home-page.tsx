// What a citizen can do here: submit an appeal, track one, find a body and its channels.
import { useState } from 'react';
import { Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../lib/use-lang.ts';
import { enumLabel } from '../../i18n/index.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useBodies } from '../../features/bodies/api.ts';
import { nameIn, sortByName } from '../../features/bodies/components/body-name.ts';
import classes from '../../lib/portal.module.css';

export function HomePage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('home.title'));
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const bodies = useBodies(debounced);

  const actions = [
    { to: '/$lang/appeal', title: t('home.submitTitle'), text: t('home.submitText') },
    { to: '/$lang/track', title: t('home.trackTitle'), text: t('home.trackText') },
  ] as const;

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1}>{t('home.title')}</Title>
        <Text className={classes.lead}>{t('home.lead', { days: 15 })}</Text>
      </Stack>

      <ul className={classes.actions}>
        {actions.map((a) => (
          <li key={a.to}>
            <Link to={a.to} params={{ lang }} className={classes.actionCard}>
              <span className={classes.actionTitle}>{a.title}</span>
              <span>{a.text}</span>
            </Link>
          </li>
        ))}
        <li>
          <a href="#find-body" className={classes.actionCard} onClick={(e) => { e.preventDefault(); document.getElementById('body-search')?.focus(); }}>
            <span className={classes.actionTitle}>{t('home.findTitle')}</span>
            <span>{t('home.findText')}</span>
          </a>
        </li>
      </ul>

      <section aria-labelledby="find-body">
        <Stack gap="md">
          <Title order={2} id="find-body">
            {t('home.findTitle')}
          </Title>
          <TextInput
            id="body-search"
            type="search"
            label={t('home.searchLabel')}
            description={t('home.searchHint')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            maw={520}
            autoComplete="off"
          />
          <div aria-live="polite" aria-atomic="true">
            {bodies.isPending ? (
              <Loader size="sm" aria-label={t('common.loading')} />
            ) : bodies.isError ? (
              <Text c="var(--mantine-color-error)">{t('common.loadFailed')}</Text>
            ) : (
              <Text fw={600}>{t('home.bodiesFound', { count: bodies.data.items.length })}</Text>
            )}
          </div>
          {bodies.data && bodies.data.items.length > 0 && (
            <ul className={classes.bodyList}>
              {sortByName(bodies.data.items, lang).map((b) => (
                <li key={b.id}>
                  <Link to="/$lang/bodies/$code" params={{ lang, code: b.code }} className={classes.bodyLink}>
                    <span className={classes.bodyName}>{nameIn(b.name, lang)}</span>
                    <br />
                    <span>{enumLabel("bodyKind", b.kind)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Stack>
      </section>
    </Stack>
  );
}
