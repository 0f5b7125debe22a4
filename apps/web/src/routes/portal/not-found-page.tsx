import { Stack, Text, Title } from '@mantine/core';

import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { useLang } from '../../lib/use-lang.ts';
import { usePageTitle } from '../../lib/page.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('notFound.title'));
  return (
    <Stack p="lg">
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.text')}</Text>
      <AnchorLink to="/$lang" params={{ lang }}>
        {t('notFound.home')}
      </AnchorLink>
    </Stack>
  );
}
