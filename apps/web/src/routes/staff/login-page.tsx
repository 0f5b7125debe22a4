// Staff sign-in. After signing in, the person goes where they were heading, else to their queue.
import { useRef, useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { login } from '../../features/staff/api.ts';

const route = getRouteApi('/$lang/staff/login');

export function LoginPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { next } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(t('login.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({});
  const summary = useRef<HTMLDivElement>(null);

  const mutation = useMutation({
    mutationFn: () => login(email.trim(), password),
    onSuccess: async (r) => {
      queryClient.setQueryData(['me'], r.staff);
      // Only a path inside this site, so a crafted link cannot send the person elsewhere.
      const target = next && next.startsWith(`/${lang}/staff`) && !next.startsWith('//') ? next : `/${lang}/staff`;
      await navigate({ to: target });
    },
    onError: (e) => {
      setErrors({ form: e instanceof ApiError ? e.message : t('errors.network') });
      focusSoon(() => summary.current);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = { email: email.trim() ? undefined : t('errors.required'), password: password ? undefined : t('errors.required') };
    setErrors(found);
    if (found.email || found.password) {
      focusSoon(() => summary.current);
      return;
    }
    mutation.mutate();
  }

  const items = [
    ...(errors.email ? [{ fieldId: 'login-email', label: t('login.email'), message: errors.email }] : []),
    ...(errors.password ? [{ fieldId: 'login-password', label: t('login.password'), message: errors.password }] : []),
    ...(errors.form ? [{ label: '', message: errors.form }] : []),
  ];

  return (
    <Stack maw={480} gap="lg">
      <Title order={1}>{t('login.title')}</Title>
      <Text>{t('login.lead')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorSummary ref={summary} title={t('errors.summaryTitle', { count: items.length })} items={items} />
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
            <Button type="submit" size="lg" loading={mutation.isPending}>
              {t('login.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
