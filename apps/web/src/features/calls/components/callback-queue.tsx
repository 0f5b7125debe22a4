// The callback queue beside the console: missed calls and promised callbacks of the body,
// soonest due first; each attempt is recorded with its outcome (reached or a wrong number
// closes the callback, no answer or busy keeps it due).
import { useRef, useState } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { focusSoon } from '../../../lib/page.ts';
import { useLang } from '../../../lib/use-lang.ts';
import { recordAttempt, useCallbacks, type Call } from '../api.ts';

const OUTCOMES = ['reached', 'no_answer', 'busy', 'wrong_number'] as const;

export function CallbackQueue({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const callbacks = useCallbacks();
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLDivElement>(null);
  const items = callbacks.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="callbacks-title" data-testid="callback-queue">
      <Stack gap="sm">
        <Title order={2} size="h4" id="callbacks-title">
          {t('console.callbacks')}
        </Title>
        <div ref={messageRef} tabIndex={-1} role="status">
          {message && <Text fw={700}>{message}</Text>}
        </div>
        {callbacks.isPending ? <Text>{t('common.loading')}</Text> : callbacks.isError ? <Text>{t('common.loadFailed')}</Text> : items.length === 0 ? <Text>{t('console.noCallbacks')}</Text> : null}
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((c) => (
            <li key={c.id}>
              <CallbackItem
                call={c}
                onOpen={onOpen}
                onDone={(m) => {
                  setMessage(m);
                  focusSoon(() => messageRef.current);
                }}
              />
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function CallbackItem({ call: c, onOpen, onDone }: { call: Call; onOpen: (id: string) => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('reached');
  const caller = c.callerNumber ?? t('console.hiddenNumber');
  const record = useMutation({
    mutationFn: () => recordAttempt(c.id, { outcome }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['calls'] });
      onDone(t('console.attemptRecorded', { caller, outcome: t(`console.outcomes.${outcome}`) }));
    },
    onError: (e) => onDone(e.message),
  });
  return (
    <Paper withBorder p="sm" component="article" aria-label={caller}>
      <Group justify="space-between" align="end" wrap="wrap">
        <Stack gap={2}>
          <Button variant="subtle" size="compact-md" onClick={() => onOpen(c.id)}>
            {caller}
          </Button>
          {c.callback && (
            <Text size="sm">
              {t('console.callbackDue', { date: formatDateTime(c.callback.dueAt, lang) })} · {t('console.attempts', { count: c.callback.attempts.length })}
            </Text>
          )}
        </Stack>
        <Group align="end" gap="xs">
          <NativeSelect label={t('console.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as (typeof OUTCOMES)[number])} aria-label={`${t('console.outcome')}: ${caller}`}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`console.outcomes.${o}`)}
              </option>
            ))}
          </NativeSelect>
          <Button variant="outline" loading={record.isPending} onClick={() => record.mutate()} aria-label={`${t('console.recordAttempt')}: ${caller}`}>
            {t('console.recordAttempt')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
