// Recovery codes, shown once: a list to copy or print, focused so a screen reader reads it.
import { useEffect, useRef } from 'react';
import { Code, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="xs" data-testid="recovery-codes">
      <Title order={2} ref={heading} tabIndex={-1}>
        {t('account.recoveryTitle')}
      </Title>
      <Text>{t('account.recoveryLead')}</Text>
      <List listStyleType="none" spacing={4}>
        {codes.map((c) => (
          <List.Item key={c}>
            <Code fz="md">{c}</Code>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** What an authenticator app scans, and the secret for typing it in by hand. */
export function EnrolmentQr({ qrCode, secret }: { qrCode: string; secret: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text>{t('account.enrolLead')}</Text>
      <img src={qrCode} alt={t('account.qrAlt')} width={200} height={200} style={{ background: '#fff' }} />
      <Text>
        {t('account.secret')} <Code data-testid="totp-secret">{secret}</Code>
      </Text>
    </Stack>
  );
}
