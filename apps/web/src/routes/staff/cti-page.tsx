// The administrator's telephony settings: the body's CTI token (the secret in the address
// the PBX posts events to; rotating it cuts off the old one), the lines (number, channel,
// language) and the blocked numbers.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Code, Group, Loader, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CHANNELS, LANGUAGES } from '@tyndau/contracts';
import { enumLabel } from '../../i18n/index.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { addBlock, addLine, removeBlock, removeLine, rotateToken, useCtiBlocks, useCtiLines, useCtiToken } from '../../features/calls/api.ts';
import classes from './staff.module.css';

const PHONE_CHANNELS = CHANNELS.filter((c) => ['call_centre', 'contact_centre', 'trust_phone', 'contact_line', 'hotline'].includes(c));

export function CtiPage() {
  const { t } = useTranslation();
  usePageTitle(t('cti.title'));
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  const done = (m: string) => {
    setMessage(m);
    void queryClient.invalidateQueries({ queryKey: ['cti'] });
    focusSoon(() => messageRef.current);
  };
  return (
    <Stack gap="lg">
      <Title order={1}>{t('cti.title')}</Title>
      <Text>{t('cti.lead')}</Text>
      <div ref={messageRef} tabIndex={-1} role="status" data-testid="cti-message">
        {message && <Text fw={700}>{message}</Text>}
      </div>
      <TokenSection onDone={done} />
      <LinesSection onDone={done} />
      <BlocksSection onDone={done} />
    </Stack>
  );
}

function TokenSection({ onDone }: { onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const token = useCtiToken();
  const rotate = useMutation({ mutationFn: rotateToken, onSuccess: () => onDone(t('cti.rotated')), onError: (e) => onDone(e.message) });
  const url = token.data ? (token.data.url ?? `${location.origin}/api/v1/cti/${token.data.token}`) : '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cti-token-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="cti-token-title">
          {t('cti.token')}
        </Title>
        <Text>{t('cti.tokenHint')}</Text>
        {token.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : token.isError ? <Text>{token.error.message}</Text> : <Code block data-testid="cti-url">{url}</Code>}
        <Group>
          <Button
            variant="outline"
            loading={rotate.isPending}
            onClick={() => {
              if (window.confirm(t('cti.rotateConfirm'))) rotate.mutate();
            }}
          >
            {t('cti.rotate')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function LinesSection({ onDone }: { onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const lines = useCtiLines();
  const [channel, setChannel] = useState<string>(PHONE_CHANNELS[0] ?? 'call_centre');
  const [language, setLanguage] = useState('');
  const remove = useMutation({ mutationFn: (l: { id: string; number: string }) => removeLine(l.id).then(() => l), onSuccess: (l) => onDone(t('cti.lineRemoved', { number: l.number })), onError: (e) => onDone(e.message) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cti-lines-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="cti-lines-title">
          {t('cti.lines')}
        </Title>
        {lines.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : lines.isError ? (
          <Text>{lines.error.message}</Text>
        ) : lines.data.items.length === 0 ? (
          <Text>{t('cti.noLines')}</Text>
        ) : (
          <Table className={classes.table} data-testid="cti-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cti.number')}</Table.Th>
                <Table.Th>{t('cti.channel')}</Table.Th>
                <Table.Th>{t('cti.language')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('common.remove')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.data.items.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.number}</Table.Td>
                  <Table.Td>{enumLabel('channel', l.channel)}</Table.Td>
                  <Table.Td>{l.language ? enumLabel('language', l.language) : '—'}</Table.Td>
                  <Table.Td>
                    <Button variant="outline" size="compact-md" onClick={() => remove.mutate(l)} aria-label={`${t('common.remove')}: ${l.number}`}>
                      {t('common.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <NumberForm id="cti-line-number" submitLabel={t('cti.addLine')} add={(number) => addLine({ number, channel, language: language || undefined })} onAdded={(l) => onDone(t('cti.lineAdded', { number: l.number }))}>
          <NativeSelect label={t('cti.channel')} value={channel} onChange={(e) => setChannel(e.currentTarget.value)}>
            {PHONE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {enumLabel('channel', c)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={`${t('cti.language')} ${t('common.optional')}`} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            <option value="">—</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {enumLabel('language', l)}
              </option>
            ))}
          </NativeSelect>
        </NumberForm>
      </Stack>
    </Paper>
  );
}

function BlocksSection({ onDone }: { onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const blocks = useCtiBlocks();
  const remove = useMutation({ mutationFn: (b: { id: string; number: string }) => removeBlock(b.id).then(() => b), onSuccess: (b) => onDone(t('cti.blockRemoved', { number: b.number })), onError: (e) => onDone(e.message) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cti-blocks-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="cti-blocks-title">
          {t('cti.blocks')}
        </Title>
        {blocks.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : blocks.isError ? (
          <Text>{blocks.error.message}</Text>
        ) : blocks.data.items.length === 0 ? (
          <Text>{t('cti.noBlocks')}</Text>
        ) : (
          <ul data-testid="cti-blocks">
            {blocks.data.items.map((b) => (
              <li key={b.id}>
                {b.number}{' '}
                <Button variant="outline" size="compact-md" onClick={() => remove.mutate(b)} aria-label={`${t('common.remove')}: ${b.number}`}>
                  {t('common.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <NumberForm id="cti-block-number" submitLabel={t('cti.addBlock')} add={(number) => addBlock({ number })} onAdded={(b) => onDone(t('cti.blockAdded', { number: b.number }))} />
      </Stack>
    </Paper>
  );
}

/**
 * An add form around one required phone number, with any fields beside it: its error
 * summary (focused on a problem), and the number cleared once added.
 */
function NumberForm<T>({ id, submitLabel, add, onAdded, children }: { id: string; submitLabel: string; add: (number: string) => Promise<T>; onAdded: (item: T) => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: () => add(number.trim()),
    onSuccess: (item) => {
      setNumber('');
      setError(null);
      onAdded(item);
    },
    onError: (e) => {
      setError(e.message);
      focusSoon(() => summary.current);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!number.trim()) {
      setError(t('errors.required'));
      return focusSoon(() => summary.current);
    }
    mutation.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="sm">
        <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: error ? 1 : 0 })} items={error ? [{ fieldId: id, label: t('cti.number'), message: error }] : []} />
        <Group align="end">
          <TextInput id={id} label={t('cti.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={error ?? undefined} type="tel" maxLength={40} />
          {children}
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
