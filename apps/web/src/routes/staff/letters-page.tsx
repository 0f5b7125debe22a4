// The communications office's print queue: paper answers as PDF letters on the body's
// letterhead, marked printed and then posted.
import { useState } from 'react';
import { Button, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { markLetter, useLetters, type Letter } from '../../features/staff/api.ts';

const STATUSES = ['to_print', 'printed', 'posted'] as const;

export function LettersPage() {
  const { t } = useTranslation();
  usePageTitle(t('letters.title'));
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('to_print');
  const letters = useLetters(status);
  const items = letters.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <Title order={1}>{t('letters.title')}</Title>
      <Text>{t('letters.lead')}</Text>
      <div role="group" aria-label={t('letters.show')}>
        <SegmentedControl value={status} onChange={(v) => setStatus(v as typeof status)} data={STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))} size="md" />
      </div>
      <div aria-live="polite">{letters.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : letters.isError ? <Text>{letters.error.message}</Text> : <Text>{t('letters.shown', { count: items.length })}</Text>}</div>
      <Stack component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((l) => (
          <li key={l.id}>
            <LetterCard letter={l} />
          </li>
        ))}
      </Stack>
      {letters.hasNextPage && (
        <Button variant="outline" onClick={() => void letters.fetchNextPage()} loading={letters.isFetchingNextPage}>
          {t('queue.more')}
        </Button>
      )}
    </Stack>
  );
}

function LetterCard({ letter: l }: { letter: Letter }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const mark = useMutation({ mutationFn: (to: 'printed' | 'posted') => markLetter(l.id, to), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['letters'] }) });
  return (
    <Paper withBorder p="md" component="article" aria-label={`${l.subject} — ${l.addressee ?? ''}`}>
      <Group justify="space-between" align="start">
        <Stack gap={2}>
          <Text fw={700}>{l.subject}</Text>
          <Text>
            {l.addressee ?? '—'}, {l.address ?? t('outbox.noAddress')}
          </Text>
          <Text size="sm">
            {formatDateTime(l.createdAt, lang)}
            {l.appealId && l.appealNumber && (
              <>
                {' · '}
                <AnchorLink to="/$lang/staff/appeals/$id" params={{ lang, id: l.appealId }}>
                  {l.appealNumber}
                </AnchorLink>
              </>
            )}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button component="a" href={`/api/v1/letters/${l.id}/pdf`} target="_blank" rel="noopener noreferrer" variant="outline">
            {t('letters.pdf')}
            <span className="visually-hidden"> ({t('common.newWindow')})</span>
          </Button>
          {l.status === 'to_print' && (
            <Button onClick={() => mark.mutate('printed')} loading={mark.isPending}>
              {t('letters.markPrinted')}
            </Button>
          )}
          {l.status === 'printed' && (
            <Button onClick={() => mark.mutate('posted')} loading={mark.isPending}>
              {t('letters.markPosted')}
            </Button>
          )}
        </Group>
      </Group>
      {mark.isError && <Text c="var(--mantine-color-error)">{mark.error.message}</Text>}
    </Paper>
  );
}
