// What a person must keep after submitting: the number and the access code, shown large,
// with ways to print or save them.
import { useEffect, useRef } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';

import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/links.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLang } from '../../../lib/use-lang.ts';
import { focusSoon } from '../../../lib/page.ts';
import type { Registered } from '../api.ts';
import classes from '../../../lib/portal.module.css';

export function RegistrationReceipt({ result, bodyName, onAnother }: { result: Registered; bodyName: string; onAnother?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => focusSoon(() => heading.current), []);

  function save() {
    const text = [
      t('receipt.title'),
      `${t('receipt.number')}: ${result.number}`,
      `${t('receipt.accessCode')}: ${result.accessCode}`,
      `${t('receipt.body')}: ${bodyName}`,
      `${t('receipt.receivedAt')}: ${formatDateTime(result.receivedAt, lang)}`,
      `${t('receipt.trackAt')}: ${location.origin}/${lang}/track?number=${encodeURIComponent(result.number)}`,
    ].join('\r\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${result.number}.txt`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <Stack gap="lg" className={classes.receipt} data-testid="receipt">
      <Title order={2} ref={heading} tabIndex={-1}>
        {t('receipt.title')}
      </Title>
      <Text size="lg">{t('receipt.keep')}</Text>
      <div>
        <Text fw={700}>{t('receipt.number')}</Text>
        <div className={classes.big} data-testid="receipt-number">
          {result.number}
        </div>
      </div>
      <div>
        <Text fw={700}>{t('receipt.accessCode')}</Text>
        <div className={classes.big} data-testid="receipt-code">
          {result.accessCode}
        </div>
      </div>
      <Text>
        {t('receipt.body')}: {bodyName}. {t('receipt.receivedAt')}: {formatDateTime(result.receivedAt, lang)}
      </Text>
      <Text>{t('receipt.term', { days: 15 })}</Text>
      <Group className="no-print">
        <Button size="lg" onClick={() => window.print()}>
          {t('receipt.print')}
        </Button>
        <Button size="lg" variant="outline" onClick={save}>
          {t('receipt.save')}
        </Button>
        <ButtonLink size="lg" variant="outline" to="/$lang/track" params={{ lang }} search={{ number: result.number }}>
          {t('receipt.track')}
        </ButtonLink>
        {onAnother && (
          <Button size="lg" variant="subtle" onClick={onAnother}>
            {t('receipt.another')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
