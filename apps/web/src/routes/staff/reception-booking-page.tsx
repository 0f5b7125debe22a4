// One booking for staff: the question and the applicant, the review decision (confirm, solve
// without a meeting, redirect) and, once the meeting has begun, its record.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Loader, NativeSelect, Paper, Radio, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useBodies } from '../../features/bodies/api.ts';
import { nameIn, sortByName } from '../../features/bodies/components/body-name.ts';
import { useMe } from '../../features/staff/api.ts';
import { recordOutcome, reviewBooking, useStaffBooking, type ReviewInput, type StaffBooking } from '../../features/reception/api.ts';
import { slotDay, slotTime } from '../../features/reception/components/slot-label.ts';
import classes from '../../lib/portal.module.css';

const route = getRouteApi('/$lang/staff-area/staff/reception/$number');
const REVIEWERS = ['comms_officer', 'head', 'deputy'];

export function ReceptionBookingStaffPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { number } = route.useParams();
  const me = useMe().data!;
  const booking = useStaffBooking(number);
  usePageTitle(t('receptionStaff.cardTitle', { number }), !booking.isPending);

  if (booking.isPending) return <Loader aria-label={t('common.loading')} />;
  if (booking.isError) {
    return (
      <Stack>
        <Title order={1}>{t('reception.notFound')}</Title>
        <AnchorLink to="/$lang/staff/reception" params={{ lang }}>
          {t('receptionStaff.title')}
        </AnchorLink>
      </Stack>
    );
  }
  const b = booking.data;
  const active = b.status === 'booked' || b.status === 'confirmed';
  const canRecord = active && (me.id === b.official.id || me.role === 'comms_officer' || me.role === 'admin');

  return (
    <Stack gap="lg" maw={900}>
      <AnchorLink to="/$lang/staff/reception" params={{ lang }}>
        {t('receptionStaff.back')}
      </AnchorLink>
      <Title order={1}>{t('receptionStaff.cardTitle', { number: b.number })}</Title>
      <Paper withBorder p="lg">
        <dl className={classes.dl}>
          <dt>{t('receptionStaff.when')}</dt>
          <dd>
            {slotDay(b.startsAt, lang)}, {slotTime(b.startsAt, b.endsAt, lang)}
          </dd>
          <dt>{t('reception.official')}</dt>
          <dd>
            {b.official.name} ({enumLabel('role', b.official.role)})
          </dd>
          <dt>{t('queue.status')}</dt>
          <dd data-testid="booking-status">{t(`reception.status.${b.status}` as 'reception.status.booked')}</dd>
          <dt>{t('card.applicant')}</dt>
          <dd>
            {b.applicant.name}
            {b.applicant.phone ? ` · ${b.applicant.phone}` : ''}
            {b.applicant.email ? ` · ${b.applicant.email}` : ''}
          </dd>
          <dt>{t('reception.question')}</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{b.question}</dd>
          {b.reviewNote && (
            <>
              <dt>{t('receptionStaff.reason')}</dt>
              <dd>{b.reviewNote}</dd>
            </>
          )}
          {b.decision && (
            <>
              <dt>{t('reception.decision')}</dt>
              <dd>{b.decision}</dd>
            </>
          )}
        </dl>
        <AnchorLink to="/$lang/staff/appeals/$id" params={{ lang, id: b.appealId }}>
          {t('register.openCard')}
        </AnchorLink>
      </Paper>
      {b.followUps && b.followUps.length > 0 && (
        <section aria-labelledby="followups-title">
          <Title order={2} size="h3" id="followups-title">
            {t('receptionStaff.followUps')}
          </Title>
          <ul>
            {b.followUps.map((f) => (
              <li key={f.id}>
                <AnchorLink to="/$lang/staff/appeals/$id" params={{ lang, id: f.id }}>
                  {f.number}
                </AnchorLink>{' '}
                — {f.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {b.status === 'booked' && REVIEWERS.includes(me.role) && <ReviewForm booking={b} ownBodyId={me.bodyId} />}
      {canRecord && <OutcomeForm booking={b} />}
    </Stack>
  );
}

function useSaved(number: string) {
  const queryClient = useQueryClient();
  return (b: StaffBooking) => {
    queryClient.setQueryData(['reception-booking', number], b);
    void queryClient.invalidateQueries({ queryKey: ['reception-bookings'] });
  };
}

function ReviewForm({ booking, ownBodyId }: { booking: StaffBooking; ownBodyId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const bodies = useBodies('');
  const saved = useSaved(booking.number);
  const [decision, setDecision] = useState<ReviewInput['decision']>('confirm');
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () => reviewBooking(booking.number, { decision, reason: reason.trim() || undefined, targetBodyId: decision === 'redirect' ? target : undefined }),
    onSuccess: saved,
    onError: (e) => setProblem(e instanceof ApiError ? e.message : t('errors.network')),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (decision === 'solve_without_meeting' && !reason.trim()) return setProblem(t('receptionStaff.reasonNeeded'));
    if (decision === 'redirect' && !target) return setProblem(t('errors.chooseBody'));
    setProblem(null);
    m.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="review-title">
      <Fieldset legend={<span id="review-title">{t('receptionStaff.review')}</span>}>
        <Stack>
          <Radio.Group id="review-decision" label={t('receptionStaff.decision')} value={decision} onChange={(v) => setDecision(v as ReviewInput['decision'])}>
            <Stack gap="xs" mt="xs">
              {(['confirm', 'solve_without_meeting', 'redirect'] as const).map((d) => (
                <Radio key={d} value={d} size="md" label={t(`receptionStaff.decisions.${d}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {decision === 'redirect' && (
            <NativeSelect id="review-target" label={t('action.targetBody')} value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
              <option value="">{t('action.chooseBody')}</option>
              {sortByName((bodies.data?.items ?? []).filter((x) => x.id !== ownBodyId), lang).map((x) => (
                <option key={x.id} value={x.id}>
                  {nameIn(x.name, lang)}
                </option>
              ))}
            </NativeSelect>
          )}
          <Textarea id="review-reason" label={decision === 'confirm' ? `${t('receptionStaff.reason')} ${t('common.optional')}` : t('receptionStaff.reason')} description={t('receptionStaff.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <div>
            <Button type="submit" loading={m.isPending}>
              {t('receptionStaff.reviewSubmit')}
            </Button>
          </div>
        </Stack>
      </Fieldset>
    </form>
  );
}

function OutcomeForm({ booking }: { booking: StaffBooking }) {
  const { t } = useTranslation();
  const saved = useSaved(booking.number);
  const [attended, setAttended] = useState('yes');
  const [attendees, setAttendees] = useState(booking.applicant.name ?? '');
  const [decision, setDecision] = useState('');
  const [resolution, setResolution] = useState<'resolved' | 'explained' | 'refused'>('resolved');
  const [followUps, setFollowUps] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () =>
      recordOutcome(
        booking.number,
        attended === 'yes'
          ? {
              attended: true,
              attendees: attendees.split(',').map((s) => s.trim()).filter(Boolean),
              topics: booking.topicCode ? [booking.topicCode] : [],
              decision: decision.trim(),
              resolution,
              followUps: followUps.split('\n').map((s) => s.trim()).filter((s) => s.length >= 3).map((text) => ({ text })),
            }
          : { attended: false },
      ),
    onSuccess: saved,
    onError: (e) => setProblem(e instanceof ApiError ? e.message : t('errors.network')),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (attended === 'yes' && decision.trim().length < 3) return setProblem(t('receptionStaff.decisionNeeded'));
    setProblem(null);
    m.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="outcome-title">
      <Fieldset legend={<span id="outcome-title">{t('receptionStaff.outcome')}</span>}>
        <Stack>
          <Radio.Group id="outcome-attended" label={t('receptionStaff.attended')} value={attended} onChange={setAttended}>
            <Stack gap="xs" mt="xs">
              <Radio value="yes" size="md" label={t('receptionStaff.came')} />
              <Radio value="no" size="md" label={t('receptionStaff.noShow')} />
            </Stack>
          </Radio.Group>
          {attended === 'yes' && (
            <>
              <TextInput id="outcome-attendees" label={t('receptionStaff.attendees')} description={t('receptionStaff.attendeesHint')} value={attendees} onChange={(e) => setAttendees(e.currentTarget.value)} />
              <Textarea id="outcome-decision" label={t('reception.decision')} value={decision} onChange={(e) => setDecision(e.currentTarget.value)} autosize minRows={3} />
              <NativeSelect id="outcome-resolution" label={t('card.resolution')} value={resolution} onChange={(e) => setResolution(e.currentTarget.value as typeof resolution)} styles={{ input: { maxWidth: 360 } }}>
                {(['resolved', 'explained', 'refused'] as const).map((r) => (
                  <option key={r} value={r}>
                    {enumLabel('resolution', r)}
                  </option>
                ))}
              </NativeSelect>
              <Textarea id="outcome-followups" label={`${t('receptionStaff.followUps')} ${t('common.optional')}`} description={t('receptionStaff.followUpsHint')} value={followUps} onChange={(e) => setFollowUps(e.currentTarget.value)} autosize minRows={2} />
            </>
          )}
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <div>
            <Button type="submit" loading={m.isPending}>
              {t('receptionStaff.outcomeSubmit')}
            </Button>
          </div>
        </Stack>
      </Fieldset>
    </form>
  );
}
