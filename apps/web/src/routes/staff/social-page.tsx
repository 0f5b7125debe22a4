// The SMM manager's inbox: comments from every network of the body, newest first, filtered
// by network and status; one comment at a time is triaged (with its incident: similar
// comments under the same post) or answered, beside the list. The day's monitoring on top.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { useMe } from '../../features/staff/api.ts';
import { useBodies } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { IGNORE_REASONS, reply, SOCIAL_NETWORKS, SOCIAL_STATUSES, triage, useSocialMessages, useSocialStats, type SocialMessage, type TriageInput } from '../../features/social/api.ts';

export function SocialPage() {
  const { t } = useTranslation();
  usePageTitle(t('social.title'));
  const me = useMe();
  const actor = me.data?.role === 'comms_officer';
  const [network, setNetwork] = useState('');
  const [status, setStatus] = useState('new');
  const pages = useSocialMessages({ network: network || undefined, status: status || undefined });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const [selected, setSelected] = useState<SocialMessage | null>(null);
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();

  function done(text: string) {
    setSelected(null);
    setMessage(text);
    void queryClient.invalidateQueries({ queryKey: ['social'] });
    focusSoon(() => messageRef.current);
  }

  return (
    <Stack gap="lg">
      <Title order={1}>{t('social.title')}</Title>
      <Text>{t('social.lead')}</Text>
      <StatsPanel />
      <div ref={messageRef} tabIndex={-1} role="status" data-testid="social-message">
        {message && <Text fw={700}>{message}</Text>}
      </div>
      <SimpleGrid cols={{ base: 1, md: selected ? 2 : 1 }} spacing="lg">
        <Stack gap="md">
          <Group align="end" gap="sm" role="search" aria-label={t('social.filters')}>
            <NativeSelect label={t('social.network')} value={network} onChange={(e) => setNetwork(e.currentTarget.value)}>
              <option value="">{t('social.anyNetwork')}</option>
              {SOCIAL_NETWORKS.map((n) => (
                <option key={n} value={n}>
                  {t(`social.networks.${n}` as 'social.title')}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('social.status')} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">{t('social.anyStatus')}</option>
              {SOCIAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`social.statuses.${s}` as 'social.title')}
                </option>
              ))}
            </NativeSelect>
          </Group>
          <Title order={2}>{t('social.listTitle')}</Title>
          {pages.isLoading && <Loader aria-label={t('social.loading')} />}
          {!pages.isLoading && items.length === 0 && <Text>{t('social.empty')}</Text>}
          <Stack gap="sm" data-testid="social-list">
            {items.map((m) => (
              <MessageCard key={m.id} m={m} actor={actor} onOpen={() => setSelected(m)} />
            ))}
          </Stack>
          {pages.hasNextPage && (
            <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
              {t('social.more')}
            </Button>
          )}
        </Stack>
        {selected && actor && <TriagePanel key={selected.id} m={selected} onDone={done} onCancel={() => setSelected(null)} />}
      </SimpleGrid>
    </Stack>
  );
}

function MessageCard({ m, actor, onOpen }: { m: SocialMessage; actor: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const author = m.authorName ?? m.authorId ?? t('social.unknownAuthor');
  return (
    <Paper component="article" withBorder p="md" aria-labelledby={`social-${m.id}-author`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={700} id={`social-${m.id}-author`}>
          {t(`social.networks.${m.network}` as 'social.title')} · {author}
        </Text>
        <Group gap="xs">
          {m.incidentSize > 1 && <Badge variant="light">{t('social.incident', { count: m.incidentSize })}</Badge>}
          <Badge variant="light">{t(`social.statuses.${m.status}` as 'social.title')}</Badge>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {formatDateTime(m.postedAt, lang)}
      </Text>
      <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
        {m.text}
      </Text>
      <Group gap="md" mt="xs">
        {m.link && (
          <Anchor href={m.link} target="_blank" rel="noreferrer noopener">
            {t('social.openOnNetwork')}
          </Anchor>
        )}
        {m.appeal?.number && <Text size="sm">{t('social.registeredAs', { number: m.appeal.number })}</Text>}
        {m.redirectedTo && <Text size="sm">{t('social.redirectedTo', { body: nameIn(m.redirectedTo.name, lang) })}</Text>}
        {m.ignoreReason && <Text size="sm">{t(`social.ignoreReasons.${m.ignoreReason}` as 'social.title')}</Text>}
        {actor && (
          <Button size="xs" variant="light" onClick={onOpen} aria-label={`${t('social.open')}: ${author}`}>
            {t('social.open')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function TriagePanel({ m, onDone, onCancel }: { m: SocialMessage; onDone: (text: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const bodies = useBodies('');
  const me = useMe();
  const [decision, setDecision] = useState<TriageInput['decision']>('own');
  const [difficulty, setDifficulty] = useState('medium');
  const [target, setTarget] = useState('');
  const [ignoreReason, setIgnoreReason] = useState('');
  const [reason, setReason] = useState('');
  const [replyText, setReplyText] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening a comment moves focus to its panel.
  useEffect(() => focusSoon(() => headingRef.current), []);

  const fail = (items: SummaryItem[]) => {
    setErrors(items);
    focusSoon(() => summaryRef.current);
  };
  const decide = useMutation({
    mutationFn: (input: TriageInput) => triage(m.id, input),
    onSuccess: (r) => onDone(r.appeal ? t('social.registeredMessage', { number: r.appeal.number }) : t(`social.decidedMessages.${decision}` as 'social.title')),
    onError: (e) => fail([{ label: '', message: e instanceof ApiError ? e.message : String(e) }]),
  });
  const answer = useMutation({
    mutationFn: (text: string) => reply(m.id, text),
    onSuccess: () => onDone(t('social.replyQueued')),
    onError: (e) => fail([{ fieldId: 'social-reply', label: t('social.replyLabel'), message: e instanceof ApiError ? e.message : String(e) }]),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: SummaryItem[] = [];
    if (decision === 'other' && !target) problems.push({ fieldId: 'social-target', label: t('social.targetBody'), message: t('social.required') });
    if (decision === 'ignore' && !ignoreReason) problems.push({ fieldId: 'social-ignore-reason', label: t('social.ignoreReason'), message: t('social.required') });
    if (problems.length) return fail(problems);
    setErrors([]);
    decide.mutate({ decision, ...(decision === 'own' ? { difficulty } : {}), ...(decision === 'other' ? { targetBodyId: target } : {}), ...(decision === 'ignore' ? { ignoreReason } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) });
  }
  function submitReply(e: FormEvent) {
    e.preventDefault();
    if (!replyText.trim()) return fail([{ fieldId: 'social-reply', label: t('social.replyLabel'), message: t('social.required') }]);
    setErrors([]);
    answer.mutate(replyText.trim());
  }
  const others = (bodies.data?.items ?? []).filter((b) => b.id !== me.data?.bodyId);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="social-panel-title">
      <Stack gap="md">
        <Title order={2} id="social-panel-title" ref={headingRef} tabIndex={-1}>
          {t('social.panelTitle', { author: m.authorName ?? m.authorId ?? t('social.unknownAuthor') })}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{m.text}</Text>
        <ErrorSummary ref={summaryRef} title={t('social.errorsTitle')} items={errors} />
        {m.status === 'new' && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <NativeSelect id="social-decision" label={t('social.decision')} value={decision} onChange={(e) => setDecision(e.currentTarget.value as TriageInput['decision'])}>
                {(['own', 'other', 'none', 'ignore'] as const).map((d) => (
                  <option key={d} value={d}>
                    {t(`social.decisions.${d}` as 'social.title')}
                  </option>
                ))}
              </NativeSelect>
              {decision === 'own' && (
                <NativeSelect id="social-difficulty" label={t('social.difficulty')} value={difficulty} onChange={(e) => setDifficulty(e.currentTarget.value)}>
                  {(['light', 'medium', 'heavy'] as const).map((d) => (
                    <option key={d} value={d}>
                      {t(`social.difficulties.${d}` as 'social.title')}
                    </option>
                  ))}
                </NativeSelect>
              )}
              {decision === 'other' && (
                <NativeSelect id="social-target" label={t('social.targetBody')} value={target} onChange={(e) => setTarget(e.currentTarget.value)} error={errors.some((x) => x.fieldId === 'social-target') ? t('social.required') : undefined}>
                  <option value="">{t('social.choose')}</option>
                  {others.map((b) => (
                    <option key={b.id} value={b.id}>
                      {nameIn(b.name, lang)}
                    </option>
                  ))}
                </NativeSelect>
              )}
              {decision === 'ignore' && (
                <NativeSelect id="social-ignore-reason" label={t('social.ignoreReason')} value={ignoreReason} onChange={(e) => setIgnoreReason(e.currentTarget.value)} error={errors.some((x) => x.fieldId === 'social-ignore-reason') ? t('social.required') : undefined}>
                  <option value="">{t('social.choose')}</option>
                  {IGNORE_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`social.ignoreReasons.${r}` as 'social.title')}
                    </option>
                  ))}
                </NativeSelect>
              )}
              <Textarea id="social-reason" label={t('social.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
              <Group>
                <Button type="submit" loading={decide.isPending}>
                  {t('social.decide')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <form onSubmit={submitReply} noValidate>
          <Stack gap="sm">
            <Textarea id="social-reply" label={t('social.replyLabel')} description={t('social.replyHint')} value={replyText} onChange={(e) => setReplyText(e.currentTarget.value)} autosize minRows={2} />
            <Group>
              <Button type="submit" variant="light" loading={answer.isPending}>
                {t('social.sendReply')}
              </Button>
              <Button variant="default" onClick={onCancel}>
                {t('social.close')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function StatsPanel() {
  const { t } = useTranslation();
  const stats = useSocialStats();
  if (!stats.data) return null;
  const s = stats.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="social-stats-title">
      <Title order={2} id="social-stats-title">
        {t('social.statsTitle')}
      </Title>
      <Table mt="sm" data-testid="social-stats">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('social.network')}</Table.Th>
            <Table.Th scope="col">{t('social.comments')}</Table.Th>
            <Table.Th scope="col">{t('social.replied')}</Table.Th>
            <Table.Th scope="col">{t('social.medianReply')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.days.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>{t('social.noComments')}</Table.Td>
            </Table.Tr>
          )}
          {s.days.map((d) => (
            <Table.Tr key={`${d.day}-${d.network}`}>
              <Table.Th scope="row">{t(`social.networks.${d.network}` as 'social.title')}</Table.Th>
              <Table.Td>{d.comments}</Table.Td>
              <Table.Td>{d.replied}</Table.Td>
              <Table.Td>{d.medianReplyMinutes === null ? '—' : t('social.minutes', { count: d.medianReplyMinutes })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {s.onTimeByDifficulty.length > 0 && (
        <Text mt="sm">
          {s.onTimeByDifficulty.map((d) => t('social.onTime', { difficulty: t(`social.difficulties.${d.difficulty}` as 'social.title'), onTime: d.onTime, late: d.late, open: d.open })).join(' · ')}
        </Text>
      )}
    </Paper>
  );
}
