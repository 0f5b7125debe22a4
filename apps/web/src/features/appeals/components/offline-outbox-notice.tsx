// Appeals kept on this device without a network, and those sent since: the number and the
// access code of each sent one stay here until the person says they have noted them.
import { useEffect, useState } from 'react';
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { flushOutbox, forgetPending, forgetSent, onOutboxChange, pendingAppeals, sentAppeals, type PendingAppeal, type SentAppeal } from '../offline-outbox.ts';

export function OfflineOutboxNotice() {
  const { t } = useTranslation();
  const [pending, setPending] = useState<PendingAppeal[]>([]);
  const [sent, setSent] = useState<SentAppeal[]>([]);
  const [online, setOnline] = useState(() => navigator.onLine);

  useEffect(() => {
    const load = () => {
      void pendingAppeals().then(setPending);
      void sentAppeals().then(setSent);
    };
    load();
    const off = onOutboxChange(load);
    const up = () => {
      setOnline(true);
      void flushOutbox();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    if (navigator.onLine) void flushOutbox();
    return () => {
      off();
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);

  if (pending.length === 0 && sent.length === 0) return null;
  return (
    <Stack gap="sm" aria-live="polite" data-testid="offline-outbox">
      {pending.length > 0 && (
        <Alert variant="light" title={t('citymap.offline.pendingTitle', { count: pending.length })}>
          <Text>{online ? t('citymap.offline.sending') : t('citymap.offline.waiting')}</Text>
          {pending.some((p) => p.refused) && (
            <List mt="xs">
              {pending
                .filter((p) => p.refused)
                .map((p) => (
                  <List.Item key={p.key}>
                    {t('citymap.offline.refused', { reason: p.refused! })}{' '}
                    <Button variant="subtle" size="compact-md" onClick={() => void forgetPending(p.key)}>
                      {t('common.remove')}
                    </Button>
                  </List.Item>
                ))}
            </List>
          )}
        </Alert>
      )}
      {sent.map((s) => (
        <Alert key={s.key} variant="light" title={t('citymap.offline.sentTitle')} data-testid="offline-sent">
          <Text>{t('citymap.offline.sentText', { number: s.result.number, code: s.result.accessCode })}</Text>
          <Button mt="xs" variant="outline" onClick={() => void forgetSent(s.key)}>
            {t('citymap.offline.noted')}
          </Button>
        </Alert>
      ))}
    </Stack>
  );
}
