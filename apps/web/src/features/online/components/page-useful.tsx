// "Was this page useful?": one vote per page view, counted per page (its path) and body.
import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ratePage } from '../api.ts';

export function PageUseful({ body }: { body?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'ask' | 'thanks' | 'failed'>('ask');
  const vote = (useful: boolean) =>
    ratePage(window.location.pathname, useful, body).then(
      () => setState('thanks'),
      () => setState('failed'),
    );
  return (
    <section aria-labelledby="page-useful-title" data-testid="page-useful">
      <Text id="page-useful-title" fw={700} component="h2" size="md">
        {t('online.useful.question')}
      </Text>
      <div role="status">{state === 'thanks' ? <Text>{t('online.useful.thanks')}</Text> : state === 'failed' ? <Text>{t('common.loadFailed')}</Text> : null}</div>
      {state === 'ask' && (
        <Group gap="sm" mt="xs">
          <Button variant="outline" onClick={() => void vote(true)}>
            {t('online.useful.yes')}
          </Button>
          <Button variant="outline" onClick={() => void vote(false)}>
            {t('online.useful.no')}
          </Button>
        </Group>
      )}
    </section>
  );
}
