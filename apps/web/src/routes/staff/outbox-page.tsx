// The administrator's outbox: every message the body sent or is sending, rendered as its
// recipient sees it, with its delivery state; failed or held ones can be sent again.
import { useState } from 'react';
import { Button, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { enumLabel } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { retryMessage, useMe, useOutbox, type OutboxItem } from '../../features/staff/api.ts';

const STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'held', 'cancelled', 'to_print', 'printed', 'posted'];
const CHANNELS = ['email', 'sms', 'telegram', 'portal', 'paper'];

export function OutboxPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  usePageTitle(t('outbox.title'));
  const [status, setStatus] = useState('');
  const [channel, setChannel] = useState('');
  const outbox = useOutbox({ status: status || undefined, channel: channel || undefined });
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];

  if (me.role !== 'admin') {
    return (
      <Stack>
        <Title order={1}>{t('outbox.title')}</Title>
        <Text>{t('outbox.adminOnly')}</Text>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Title order={1}>{t('outbox.title')}</Title>
      <Text>{t('outbox.lead')}</Text>
      <Group>
        <NativeSelect label={t('outbox.status')} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">{t('queue.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`outbox.statuses.${s}` as 'outbox.statuses.queued')}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect label={t('outbox.channel')} value={channel} onChange={(e) => setChannel(e.currentTarget.value)}>
          <option value="">{t('queue.any')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`outbox.channels.${c}` as 'outbox.channels.email')}
            </option>
          ))}
        </NativeSelect>
      </Group>
      <div aria-live="polite">{outbox.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : outbox.isError ? <Text>{outbox.error.message}</Text> : <Text>{t('outbox.shown', { count: items.length })}</Text>}</div>
      <Stack component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((m) => (
          <li key={m.id}>
            <Message m={m} />
          </li>
        ))}
      </Stack>
      {outbox.hasNextPage && (
        <Button variant="outline" onClick={() => void outbox.fetchNextPage()} loading={outbox.isFetchingNextPage}>
          {t('queue.more')}
        </Button>
      )}
    </Stack>
  );
}

function Message({ m }: { m: OutboxItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const retry = useMutation({ mutationFn: () => retryMessage(m.id), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outbox'] }) });
  return (
    <Paper withBorder p="md" component="article" aria-label={`${m.subject ?? m.template} — ${m.address ?? ''}`}>
      <Group justify="space-between" align="start">
        <Stack gap={2}>
          <Text fw={700}>{m.subject ?? m.template}</Text>
          <Text size="sm">
            {t(`outbox.channels.${m.channel}` as 'outbox.channels.email', { defaultValue: m.channel })} → {m.address ?? t('outbox.noAddress')} · {enumLabel('language', m.language)} · {formatDateTime(m.createdAt, lang)}
          </Text>
          {m.appealId && m.appealNumber && (
            <Text size="sm">
              {t('outbox.appeal')}{' '}
              <AnchorLink to="/$lang/staff/appeals/$id" params={{ lang, id: m.appealId }}>
                {m.appealNumber}
              </AnchorLink>
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="end">
          <Text fw={700} data-testid="outbox-status">
            {t(`outbox.statuses.${m.status}` as 'outbox.statuses.queued', { defaultValue: m.status })}
          </Text>
          {m.error && <Text size="sm">{m.error}</Text>}
          {(m.status === 'failed' || m.status === 'held') && (
            <Button size="compact-md" variant="outline" onClick={() => retry.mutate()} loading={retry.isPending}>
              {t('outbox.retry')}
            </Button>
          )}
        </Stack>
      </Group>
      {m.sms ? (
        <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {m.sms}
        </Text>
      ) : m.html ? (
        <iframe title={t('outbox.preview', { subject: m.subject ?? m.template })} sandbox="" srcDoc={m.html} style={{ width: '100%', minHeight: 240, border: '1px solid var(--mantine-color-default-border)', marginTop: 8, background: '#fff' }} />
      ) : (
        m.text && (
          <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {m.text}
          </Text>
        )
      )}
    </Paper>
  );
}
