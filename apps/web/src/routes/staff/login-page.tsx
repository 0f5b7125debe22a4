// Staff sign-in: the password, then whatever step is due (a new password for an account an
// administrator made, enrolling the second factor for the roles that must have it, or its
// code / a recovery code), then the place the person was heading, else their queue.
// A sign-in through OpenID Connect comes back here with its challenge in the fragment.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { login, loginStep, useSignInMethods, type SignInResponse } from '../../features/account/api.ts';
import { EnrolmentQr, RecoveryCodes } from '../../features/account/components/recovery-codes.tsx';

const route = getRouteApi('/$lang/staff/login');

type Errors = { email?: string; password?: string; code?: string; newPassword?: string; repeat?: string; form?: string };

export function LoginPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { next } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const methods = useSignInMethods();
  usePageTitle(t('login.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [state, setState] = useState<SignInResponse | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const summary = useRef<HTMLDivElement>(null);
  const stepField = useRef<HTMLInputElement>(null);

  const target = next && next.startsWith(`/${lang}/staff`) && !next.startsWith('//') ? next : `/${lang}/staff`;
  // Only a path inside this site, so a crafted link cannot send the person elsewhere.
  const done = async () => navigate({ to: target });

  function onResult(r: SignInResponse) {
    setErrors({});
    setCode('');
    if (r.staff) {
      queryClient.setQueryData(['me'], r.staff);
      // Recovery codes are shown once, before leaving the page.
      if (r.recoveryCodes?.length) setCodes(r.recoveryCodes);
      else void done();
      return;
    }
    setState(r);
    focusSoon(() => stepField.current);
  }
  function onError(e: unknown) {
    const field = e instanceof ApiError && e.code === 'WEAK_PASSWORD' ? 'newPassword' : e instanceof ApiError && e.code === 'INVALID_CODE' ? 'code' : 'form';
    setErrors({ [field]: e instanceof ApiError ? e.message : t('errors.network') });
    if (e instanceof ApiError && e.code === 'SIGN_IN_EXPIRED') setState(null);
    focusSoon(() => summary.current);
  }

  const signIn = useMutation({ mutationFn: () => login(email.trim(), password), onSuccess: onResult, onError });
  const takeStep = useMutation({ mutationFn: loginStep, onSuccess: onResult, onError });

  // Back from the OpenID Connect provider: #challenge=… (a step is due) or #error=….
  useEffect(() => {
    const hash = new URLSearchParams(window.location.hash.slice(1));
    if (!hash.size) return;
    history.replaceState(null, '', window.location.pathname + window.location.search);
    const challenge = hash.get('challenge');
    if (challenge) takeStep.mutate({ challenge });
    const error = hash.get('error');
    if (error) {
      setErrors({ form: t(error === 'oidc_no_account' ? 'login.oidcNoAccount' : 'login.oidcFailed') });
      focusSoon(() => summary.current);
    }
  }, []);

  function submitPassword(e: FormEvent) {
    e.preventDefault();
    const found = { email: email.trim() ? undefined : t('errors.required'), password: password ? undefined : t('errors.required') };
    setErrors(found);
    if (found.email || found.password) return focusSoon(() => summary.current);
    signIn.mutate();
  }

  function submitStep(e: FormEvent) {
    e.preventDefault();
    const challenge = state!.challenge!;
    if (state!.step === 'change_password') {
      const found: Errors = { newPassword: newPassword ? undefined : t('errors.required'), repeat: repeat === newPassword ? undefined : t('login.mismatch') };
      setErrors(found);
      if (found.newPassword || found.repeat) return focusSoon(() => summary.current);
      takeStep.mutate({ challenge, newPassword });
      return;
    }
    if (!code.trim()) {
      setErrors({ code: t('errors.required') });
      return focusSoon(() => summary.current);
    }
    takeStep.mutate(useRecovery && state!.step === 'totp' ? { challenge, recoveryCode: code.trim() } : { challenge, code: code.trim() });
  }

  const labels: Record<string, string> = {
    email: t('login.email'),
    password: t('login.password'),
    code: useRecovery ? t('login.recoveryCode') : t('login.code'),
    newPassword: t('login.newPassword'),
    repeat: t('login.repeatPassword'),
  };
  const ids: Record<string, string> = { email: 'login-email', password: 'login-password', code: 'login-code', newPassword: 'login-new-password', repeat: 'login-repeat' };
  const items = Object.entries(errors)
    .filter(([, m]) => m)
    .map(([k, m]) => (k === 'form' ? { label: '', message: m! } : { fieldId: ids[k], label: labels[k], message: m! }));
  const errorSummary = <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: items.length })} items={items} />;

  if (codes) {
    return (
      <Stack maw={560} gap="lg">
        <Title order={1}>{t('login.title')}</Title>
        <RecoveryCodes codes={codes} />
        <div>
          <Button size="lg" onClick={() => void done()}>
            {t('login.recoverySaved')}
          </Button>
        </div>
      </Stack>
    );
  }

  if (state?.step) {
    const step = state.step;
    return (
      <Stack maw={560} gap="lg">
        <Title order={1}>{t('login.title')}</Title>
        <Title order={2}>{t(step === 'change_password' ? 'login.changeTitle' : step === 'enrol_totp' ? 'login.enrolTitle' : 'login.totpTitle')}</Title>
        <form onSubmit={submitStep} noValidate>
          <Stack>
            {errorSummary}
            {step === 'change_password' ? (
              <>
                <Text>{t('login.changeLead')}</Text>
                <PasswordInput
                  ref={stepField}
                  id="login-new-password"
                  label={t('login.newPassword')}
                  description={t('account.passwordRules')}
                  value={newPassword}
                  onChange={(e) => setNewPassword(e.currentTarget.value)}
                  error={errors.newPassword}
                  autoComplete="new-password"
                  visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                />
                <PasswordInput
                  id="login-repeat"
                  label={t('login.repeatPassword')}
                  value={repeat}
                  onChange={(e) => setRepeat(e.currentTarget.value)}
                  error={errors.repeat}
                  autoComplete="new-password"
                  visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                />
              </>
            ) : (
              <>
                {step === 'enrol_totp' && state.enrolment ? <EnrolmentQr qrCode={state.enrolment.qrCode} secret={state.enrolment.secret} /> : <Text>{useRecovery ? t('login.recoveryLead') : t('login.totpLead')}</Text>}
                <TextInput
                  ref={stepField}
                  id="login-code"
                  label={labels.code}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  error={errors.code}
                  autoComplete="one-time-code"
                  inputMode={useRecovery ? 'text' : 'numeric'}
                  maxLength={20}
                />
              </>
            )}
            <div>
              <Button type="submit" size="lg" loading={takeStep.isPending}>
                {step === 'change_password' ? t('login.changeSubmit') : t('login.verify')}
              </Button>
            </div>
            {step === 'totp' && (
              <Anchor
                component="button"
                type="button"
                onClick={() => {
                  setUseRecovery(!useRecovery);
                  setCode('');
                  focusSoon(() => stepField.current);
                }}
              >
                {useRecovery ? t('login.useApp') : t('login.useRecovery')}
              </Anchor>
            )}
          </Stack>
        </form>
      </Stack>
    );
  }

  return (
    <Stack maw={480} gap="lg">
      <Title order={1}>{t('login.title')}</Title>
      <Text>{t('login.lead')}</Text>
      <form onSubmit={submitPassword} noValidate>
        <Stack>
          {errorSummary}
          <TextInput id="login-email" type="email" label={t('login.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} autoComplete="username" />
          <PasswordInput
            id="login-password"
            label={t('login.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          />
          <div>
            <Button type="submit" size="lg" loading={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </div>
        </Stack>
      </form>
      {methods.data?.oidc && (
        <div>
          <Button component="a" variant="outline" size="md" href={`/api/v1/auth/oidc/start?lang=${lang}`}>
            {t('login.oidc')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
