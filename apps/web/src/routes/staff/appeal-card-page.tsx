// The appeal card: everything about the appeal, both clocks, the timeline, and the actions
// the signed-in person's role allows, each one key away.
import { OPEN_STATUSES } from '@tyndau/contracts';
import { useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { enumLabel } from '../../i18n/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { useShortcuts } from '../../lib/shortcuts.ts';
import { FlagBadge, StatusBadge } from '../../components/status-badge.tsx';
import { useAnswers, useAppealCard, useColleagues, useLinks, useMe, type AppealCard, type AppealEvent } from '../../features/staff/api.ts';
import { allowedActions, type CardAction } from '../../features/staff/permissions.ts';
import { ActionForm } from '../../features/staff/components/action-forms.tsx';
import { ArticlePicker } from '../../features/knowledge/components/article-picker.tsx';
import { SuggestionPanel } from '../../features/routing/components/suggestion-panel.tsx';
import { ShortcutsHelp } from '../../features/staff/components/shortcuts-help.tsx';
import { useBody, useTopics } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { eventText } from '../../features/tracking/components/event-text.ts';
import classes from './staff.module.css';

const route = getRouteApi('/$lang/staff-area/staff/appeals/$id');

/** Action -> its key. Listed on the page. */
const KEYS: Record<CardAction, string> = {
  triage: 't',
  redirect: 'r',
  assign: 'a',
  requestInfo: 'i',
  infoReceived: 'g',
  extend: 'e',
  answer: 'w',
  sign: 's',
  close: 'c',
  leave: 'l',
};

export function AppealCardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = route.useParams();
  const me = useMe().data!;
  const card = useAppealCard(id);
  const answers = useAnswers(id, !!card.data);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<CardAction | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  usePageTitle(card.data ? t('card.title', { number: card.data.number }) : t('card.loading'), !card.isPending);

  const [marking, setMarking] = useState(false);
  const draft = answers.data?.items.find((a) => a.status === 'draft');
  const actions = card.data ? allowedActions(me, card.data, !!draft) : [];

  function openAction(a: CardAction) {
    setMessage(null);
    setOpen(a);
    // The first field of the form, so typing can start at once.
    focusSoon(() => actionsRef.current?.querySelector<HTMLElement>('form input:not([type=hidden]), form select, form textarea, form button[type=submit]'));
  }

  const bindings = useMemo(() => {
    const b: Record<string, () => void> = { b: () => void navigate({ to: '/$lang/staff', params: { lang } }) };
    for (const a of actions) b[KEYS[a]] = () => openAction(a);
    return b;
  }, [actions.join(','), lang]);
  useShortcuts(bindings);

  if (card.isPending) return <Loader aria-label={t('common.loading')} />;
  if (card.isError) {
    const missing = card.error instanceof ApiError && card.error.status === 404;
    return (
      <Stack>
        <Title order={1}>{missing ? t('card.notFound') : t('common.loadFailed')}</Title>
        <AnchorLink to="/$lang/staff" params={{ lang }}>
          {t('card.back')}
        </AnchorLink>
      </Stack>
    );
  }
  const a = card.data;

  async function done(msg: string) {
    setOpen(null);
    setMessage(msg);
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['appeal', id] }), queryClient.invalidateQueries({ queryKey: ['appeals'] })]);
    focusSoon(() => messageRef.current);
  }

  // Head, deputy and the ethics commissioner may make an appeal confidential; it is never undone.
  const mayMarkConfidential = !a.confidential && me.bodyId === a.bodyId && ['head', 'deputy', 'ethics_commissioner'].includes(me.role);
  async function markConfidential() {
    setMarking(true);
    try {
      await api(`/appeals/${encodeURIComponent(a.id)}/confidential`, { body: {} });
      await done(t('card.markedConfidential'));
    } finally {
      setMarking(false);
    }
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <AnchorLink to="/$lang/staff" params={{ lang }}>
            ← {t('card.back')}
          </AnchorLink>
          <Title order={1}>{t('card.title', { number: a.number })}</Title>
          <Group gap="xs">
            <StatusBadge status={a.status} />
            {a.overdue && <FlagBadge kind="overdue">{t('queue.flagOverdue')}</FlagBadge>}
            {a.dueSoon && <FlagBadge kind="dueSoon">{t('queue.flagDueSoon')}</FlagBadge>}
            {a.targetMissed && <FlagBadge kind="missed">{t('card.targetMissed')}</FlagBadge>}
            {a.confidential && <FlagBadge kind="missed">{t('card.confidential')}</FlagBadge>}
          </Group>
        </Stack>
        {mayMarkConfidential && (
          <Button variant="outline" loading={marking} onClick={() => void markConfidential()} data-testid="mark-confidential">
            {t('card.markConfidential')}
          </Button>
        )}
      </Group>

      <div ref={messageRef} tabIndex={-1} role="status" data-testid="action-message">
        {message && (
          <Alert color="green" variant="outline" title={message}>
            {t('card.statusNow', { status: enumLabel('status', a.status) })}
          </Alert>
        )}
      </div>

      <Clocks appeal={a} />

      <Paper withBorder p="md" ref={actionsRef} component="section" aria-labelledby="actions-title">
        <Title order={2} size="h3" id="actions-title" mb="sm">
          {t('card.actions')}
        </Title>
        {actions.length === 0 ? (
          <Text>{t('card.noActions')}</Text>
        ) : (
          <div className={classes.actions}>
            {actions.map((x) => (
              <Button key={x} variant={open === x ? 'filled' : 'outline'} onClick={() => openAction(x)} aria-expanded={open === x} aria-keyshortcuts={KEYS[x]} data-testid={`action-${x}`}>
                {t(`card.action.${x}`)} <Text span ml={6} size="sm" aria-hidden="true">({KEYS[x]})</Text>
              </Button>
            ))}
          </div>
        )}
        {open && (
          <Paper mt="md" p="md" withBorder>
            <ActionForm
              key={open}
              action={open}
              appeal={a}
              draft={draft}
              onDone={(m) => void done(m)}
              onCancel={() => setOpen(null)}
              answerAside={(insert) => <ArticlePicker headingOrder={4} language={a.language} onInsert={(article) => insert(article.body)} />}
              triageAside={(pick) => <SuggestionPanel appealId={a.id} ownBodyId={a.bodyId} onTopic={pick.topic} onBody={pick.body} />}
            />
          </Paper>
        )}
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Details appeal={a} />
        <Applicant appeal={a} />
      </SimpleGrid>

      <section aria-labelledby="text-title">
        <Title order={2} size="h3" id="text-title" mb="xs">
          {t('card.text')}
        </Title>
        <div className={classes.text} lang={a.language} data-testid="card-text">
          {a.text}
        </div>
        {a.attachments && a.attachments.length > 0 && (
          <>
            <Title order={3} size="h4" mt="md" mb="xs">
              {t('card.attachments')}
            </Title>
            <ul>
              {a.attachments.map((f) => (
                <li key={f.id}>
                  <Anchor href={`/api/v1/appeals/${a.id}/attachments/${f.id}`} download={f.fileName}>
                    {f.fileName}
                  </Anchor>{' '}
                  ({t('appeal.fileSize', { size: formatNumber(Math.max(1, Math.round(f.sizeBytes / 1024)), lang) })})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {answers.data && answers.data.items.length > 0 && (
        <section aria-labelledby="answers-title">
          <Title order={2} size="h3" id="answers-title" mb="xs">
            {t('card.answers')}
          </Title>
          <Stack>
            {answers.data.items.map((ans) => (
              <Paper key={ans.id} withBorder p="md">
                <Text fw={700}>
                  {ans.status === 'draft' ? t('card.draft') : t('card.sent')} · {enumLabel('resolution', ans.resolution)} · {enumLabel('answerMethod', ans.deliveryMethod)}
                </Text>
                <Text size="sm">{formatDateTime(ans.signedAt ?? ans.draftedAt, lang)}</Text>
                {ans.text && (
                  <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                    {ans.text}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        </section>
      )}

      <LinksSection id={a.id} />
      <Timeline events={a.events} />

      <ShortcutsHelp items={[...actions.map((x) => ({ keys: [KEYS[x]], label: t(`card.action.${x}`) })), { keys: ['b'], label: t('shortcuts.back') }, { keys: ['q'], label: t('shortcuts.queue') }]} />
    </Stack>
  );
}

function Clocks({ appeal: a }: { appeal: AppealCard }) {
  const { t } = useTranslation();
  const lang = useLang();
  const open = (OPEN_STATUSES as readonly string[]).includes(a.status);
  const redirectLate = open && a.status === 'registered' && a.redirectDueAt && new Date(a.redirectDueAt).getTime() < Date.now();
  return (
    <section aria-labelledby="clocks-title">
      <Title order={2} size="h3" id="clocks-title" mb="xs">
        {t('card.clocks')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: a.status === 'registered' ? 3 : 2 }}>
        <div className={classes.clock} data-state={a.overdue ? 'overdue' : a.dueSoon ? 'dueSoon' : undefined} data-testid="clock-legal">
          <Text fw={700}>{t('card.legalDue')}</Text>
          <Text size="xl" fw={800}>
            {formatDate(a.legalDueAt, lang)}
          </Text>
          <Text size="sm">{a.overdue ? t('queue.flagOverdue') : a.dueSoon ? t('queue.flagDueSoon') : t('card.legalRule')}</Text>
        </div>
        <div className={classes.clock} data-state={a.targetMissed ? 'overdue' : undefined} data-testid="clock-target">
          <Text fw={700}>{t('card.targetDue')}</Text>
          <Text size="xl" fw={800}>
            {a.targetDueAt ? formatDate(a.targetDueAt, lang) : t('card.afterTriage')}
          </Text>
          <Text size="sm">{a.targetMissed ? t('card.targetMissed') : t('card.targetRule', { channel: enumLabel('channel', a.channel) })}</Text>
        </div>
        {a.status === 'registered' && (
          <div className={classes.clock} data-state={redirectLate ? 'overdue' : undefined}>
            <Text fw={700}>{t('card.redirectDue')}</Text>
            <Text size="xl" fw={800}>
              {formatDate(a.redirectDueAt, lang)}
            </Text>
            <Text size="sm">{redirectLate ? t('card.redirectLate') : t('card.redirectRule')}</Text>
          </div>
        )}
      </SimpleGrid>
    </section>
  );
}

function Details({ appeal: a }: { appeal: AppealCard }) {
  const { t } = useTranslation();
  const lang = useLang();
  const body = useBody(a.bodyId);
  const topics = useTopics();
  const colleagues = useColleagues();
  const topic = topics.data?.find((x) => x.code === a.topicCode);
  const unit = body.data?.units.find((u) => u.id === a.unitId);
  const executor = colleagues.data?.find((p) => p.id === a.executorId);
  const rows: Array<[string, string]> = [
    [t('card.channel'), enumLabel('channel', a.channel)],
    [t('card.kind'), enumLabel('kind', a.kind)],
    [t('card.topic'), topic ? nameIn(topic.name, lang) : (a.topicCode ?? '—')],
    [t('card.difficulty'), enumLabel('difficulty', a.difficulty)],
    [t('card.unit'), unit ? nameIn(unit.name, lang) : a.unitId ? '…' : '—'],
    [t('card.executor'), executor ? executor.name : a.executorId ? '…' : t('card.notAssigned')],
    [t('card.received'), formatDateTime(a.receivedAt, lang)],
    [t('card.registered'), formatDateTime(a.registeredAt, lang)],
    [t('card.language'), enumLabel('language', a.language)],
    [t('card.resolution'), enumLabel('resolution', a.resolution)],
    [t('card.satisfaction'), a.satisfaction ? t('track.ratingValue', { score: a.satisfaction }) : '—'],
  ];
  return (
    <section aria-labelledby="details-title">
      <Title order={2} size="h3" id="details-title" mb="xs">
        {t('card.details')}
      </Title>
      <dl className={classes.dl}>
        {rows.map(([k, v]) => (
          <div key={k} className={classes.dlRow}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Applicant({ appeal: a }: { appeal: AppealCard }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows: Array<[string, string | null]> = [
    [t('card.applicantType'), enumLabel('applicantType', a.applicantType)],
    [t('card.name'), a.applicantName],
    [t('appeal.iin'), a.applicantIin],
    [t('appeal.bin'), a.applicantBin],
    [t('appeal.email'), a.applicantEmail],
    [t('appeal.phone'), a.applicantPhone],
    [t('appeal.address'), a.address],
    [t('appeal.location'), a.lat !== null && a.lon !== null ? `${formatNumber(a.lat, lang)}, ${formatNumber(a.lon, lang)}` : null],
    [t('appeal.preferredAnswer'), enumLabel('answerMethod', a.preferredAnswer)],
  ];
  return (
    <section aria-labelledby="applicant-title">
      <Title order={2} size="h3" id="applicant-title" mb="xs">
        {t('card.applicant')}
      </Title>
      {a.personalDataMasked && <Text mb="xs">{t('card.masked')}</Text>}
      <dl className={classes.dl}>
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} className={classes.dlRow}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

function LinksSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const links = useLinks(id);
  if (!links.data) return null;
  const chain = links.data.redirectChain.filter((x) => x.id !== id);
  const repeats = links.data.repeats;
  if (chain.length === 0 && repeats.length === 0) return null;
  const item = (x: { id: string; number: string; receivedAt: string }) => (
    <li key={x.id}>
      <AnchorLink to="/$lang/staff/appeals/$id" params={{ lang, id: x.id }}>
        {x.number}
      </AnchorLink>{' '}
      — {formatDate(x.receivedAt, lang)}
    </li>
  );
  return (
    <section aria-labelledby="links-title">
      <Title order={2} size="h3" id="links-title" mb="xs">
        {t('card.links')}
      </Title>
      {chain.length > 0 && (
        <>
          <Text fw={700}>{t('card.redirectChain')}</Text>
          <ul>{chain.map(item)}</ul>
        </>
      )}
      {repeats.length > 0 && (
        <>
          <Text fw={700}>{t('card.repeats')}</Text>
          <ul>{repeats.map(item)}</ul>
        </>
      )}
    </section>
  );
}

function Timeline({ events }: { events: AppealEvent[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="timeline-title">
      <Title order={2} size="h3" id="timeline-title" mb="xs">
        {t('card.timeline')}
      </Title>
      <ol className={classes.timeline} data-testid="timeline">
        {events.map((e) => (
          <li key={String(e.id)}>
            <Text fw={700}>
              {formatDateTime(e.at, lang)}
              {e.actorRole ? ` · ${enumLabel('role', e.actorRole)}` : ''}
              {!e.public ? ` · ${t('card.internal')}` : ''}
            </Text>
            <Text>{eventText({ type: e.type, data: e.data as never }, lang)}</Text>
            {e.reason && <Text size="sm">{t('card.reasonText', { reason: e.reason })}</Text>}
          </li>
        ))}
      </ol>
    </section>
  );
}
