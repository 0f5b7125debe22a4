// My account: change the password, the second factor (enrol; turn off where the role
// allows), new recovery codes, and signing out on every device.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Loader, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { changePassword, confirmTotp, disableTotp, logoutEverywhere, renewRecoveryCodes, startTotpEnrolment, useAccountSecurity, type Enrolment } from '../../features/account/api.ts';
import { EnrolmentQr, RecoveryCodes } from '../../features/account/components/recovery-codes.tsx';

const message = (e: unknown, fallback: string) => (e instanceof ApiError ? e.message : fallback);

/** A status line that screen readers announce and that takes focus after the action. */
function Status({ children, error }: { children: ReactNode; error?: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => focusSoon(() => ref.current), []);
  return (
    <Text ref={ref} tabIndex={-1} role={error ? 'alert' : 'status'} fw={600} c={error ? 'var(--mantine-color-error)' : undefined}>
      {children}
    </Text>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      void queryClient.invalidateQueries({ queryKey: ['account-security'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="account-password">
      <Stack maw={480}>
        <Title order={2} id="account-password">
          {t('account.passwordTitle')}
        </Title>
        <PasswordInput id="account-current" label={t('account.currentPassword')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} autoComplete="current-password" visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }} />
        <PasswordInput
          id="account-new"
          label={t('login.newPassword')}
          description={t('account.passwordRules')}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
        />
        <div>
          <Button type="submit" loading={change.isPending}>
            {t('account.passwordSubmit')}
          </Button>
        </div>
        {change.isSuccess && <Status>{t('account.passwordChanged')}</Status>}
        {change.isError && <Status error>{message(change.error, t('errors.network'))}</Status>}
      </Stack>
    </form>
  );
}

function CodeForm({ label, submitLabel, onCode, pending }: { label: string; submitLabel: string; onCode: (code: string) => void; pending: boolean }) {
  const [code, setCode] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onCode(code.trim());
        setCode('');
      }}
      noValidate
    >
      <Stack maw={320} gap="xs">
        <TextInput label={label} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoComplete="one-time-code" inputMode="numeric" maxLength={12} />
        <div>
          <Button type="submit" variant="outline" loading={pending}>
            {submitLabel}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function SecondFactorSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const security = useAccountSecurity();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['account-security'] });
  const start = useMutation({ mutationFn: startTotpEnrolment, onSuccess: setEnrolment });
  const confirm = useMutation({
    mutationFn: confirmTotp,
    onSuccess: (r) => {
      setEnrolment(null);
      setCodes(r.recoveryCodes);
      void refresh();
    },
  });
  const renew = useMutation({ mutationFn: renewRecoveryCodes, onSuccess: (r) => setCodes(r.recoveryCodes) });
  const disable = useMutation({ mutationFn: disableTotp, onSuccess: () => void refresh() });
  const failed = [start, confirm, renew, disable].find((m) => m.isError);

  if (security.isPending) return <Loader aria-label={t('common.loading')} />;
  if (security.isError) return <Text>{t('common.loadFailed')}</Text>;
  const s = security.data;
  return (
    <Stack gap="md">
      <Title order={2}>{t('account.totpTitle')}</Title>
      <Text data-testid="totp-state">{s.totpEnabled ? t('account.totpOn', { count: s.recoveryCodesLeft }) : t('account.totpOff')}</Text>
      {s.totpRequired && <Text>{t('account.totpRequired')}</Text>}
      {!s.totpEnabled && !enrolment && (
        <div>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {t('account.enrol')}
          </Button>
        </div>
      )}
      {enrolment && (
        <>
          <EnrolmentQr qrCode={enrolment.qrCode} secret={enrolment.secret} />
          <CodeForm label={t('login.code')} submitLabel={t('account.confirm')} onCode={(c) => confirm.mutate(c)} pending={confirm.isPending} />
        </>
      )}
      {codes && <RecoveryCodes codes={codes} />}
      {s.totpEnabled && <CodeForm label={t('login.code')} submitLabel={t('account.renewCodes')} onCode={(c) => renew.mutate(c)} pending={renew.isPending} />}
      {s.totpEnabled && !s.totpRequired && <CodeForm label={t('login.code')} submitLabel={t('account.disable')} onCode={(c) => disable.mutate(c)} pending={disable.isPending} />}
      {failed && <Status error>{message(failed.error, t('errors.network'))}</Status>}
    </Stack>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(t('account.title'));
  const everywhere = useMutation({
    mutationFn: logoutEverywhere,
    onSuccess: async () => {
      queryClient.clear();
      await navigate({ to: '/$lang/staff/login', params: { lang }, search: {} });
    },
  });
  return (
    <Stack gap="xl" maw={720}>
      <Title order={1}>{t('account.title')}</Title>
      <PasswordSection />
      <SecondFactorSection />
      <Stack gap="xs">
        <Title order={2}>{t('account.sessionsTitle')}</Title>
        <Text>{t('account.sessionsLead')}</Text>
        <div>
          <Button variant="outline" color="red" onClick={() => everywhere.mutate()} loading={everywhere.isPending}>
            {t('account.logoutEverywhere')}
          </Button>
        </div>
      </Stack>
    </Stack>
  );
}
