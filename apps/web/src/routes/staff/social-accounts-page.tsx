// The administrator connects the body's social accounts: the secret that checks the
// network's calls, the handshake value, the API token for replies and the account's id. The
// server never shows a secret again; the page lists what is connected and where each
// network must post.
import { useRef, useState, type FormEvent } from 'react';
import { Button, Code, NativeSelect, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { CONNECTABLE_NETWORKS, connectAccount, useSocialAccounts } from '../../features/social/api.ts';

export function SocialAccountsPage() {
  const { t } = useTranslation();
  usePageTitle(t('social.accountsTitle'));
  const accounts = useSocialAccounts();
  const [network, setNetwork] = useState<string>('telegram');
  const [secret, setSecret] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [token, setToken] = useState('');
  const [accountRef, setAccountRef] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [message, setMessage] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => connectAccount(network, { secret, confirmation: confirmation || undefined, token: token || undefined, accountRef: accountRef || undefined }),
    onSuccess: (a) => {
      setSecret('');
      setConfirmation('');
      setToken('');
      setErrors([]);
      setMessage(t('social.connected', { network: t(`social.networks.${a.network}` as 'social.title'), url: a.webhookUrl }));
      void queryClient.invalidateQueries({ queryKey: ['social', 'accounts'] });
      focusSoon(() => messageRef.current);
    },
    onError: (e) => {
      const field = e instanceof ApiError ? e.fields[0]?.field : undefined;
      setErrors([{ fieldId: field === 'confirmation' ? 'social-confirmation' : 'social-secret', label: field === 'confirmation' ? t('social.confirmation') : t('social.secret'), message: e.message }]);
      focusSoon(() => summaryRef.current);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: SummaryItem[] = [];
    if (secret.trim().length < 16) problems.push({ fieldId: 'social-secret', label: t('social.secret'), message: t('social.secretTooShort') });
    if (network !== 'telegram' && !confirmation.trim()) problems.push({ fieldId: 'social-confirmation', label: t('social.confirmation'), message: t('social.required') });
    if (problems.length) {
      setErrors(problems);
      focusSoon(() => summaryRef.current);
      return;
    }
    save.mutate();
  }
  const invalid = (id: string) => (errors.some((x) => x.fieldId === id) ? errors.find((x) => x.fieldId === id)!.message : undefined);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('social.accountsTitle')}</Title>
      <Text>{t('social.accountsLead')}</Text>
      <div ref={messageRef} tabIndex={-1} role="status" data-testid="social-accounts-message">
        {message && <Text fw={700}>{message}</Text>}
      </div>
      <Table data-testid="social-accounts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('social.network')}</Table.Th>
            <Table.Th scope="col">{t('social.accountRef')}</Table.Th>
            <Table.Th scope="col">{t('social.webhook')}</Table.Th>
            <Table.Th scope="col">{t('social.replies')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(accounts.data?.items ?? []).length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>{t('social.noAccounts')}</Table.Td>
            </Table.Tr>
          )}
          {(accounts.data?.items ?? []).map((a) => (
            <Table.Tr key={a.network}>
              <Table.Th scope="row">{t(`social.networks.${a.network}` as 'social.title')}</Table.Th>
              <Table.Td>{a.accountRef ?? '—'}</Table.Td>
              <Table.Td>
                <Code>{a.webhookUrl}</Code>
              </Table.Td>
              <Table.Td>{a.hasToken ? t('social.repliesOn') : t('social.repliesOff')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md" component="section" aria-labelledby="social-connect-title">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Title order={2} id="social-connect-title">
              {t('social.connectTitle')}
            </Title>
            <ErrorSummary ref={summaryRef} title={t('social.errorsTitle')} items={errors} />
            <NativeSelect id="social-network" label={t('social.network')} value={network} onChange={(e) => setNetwork(e.currentTarget.value)}>
              {CONNECTABLE_NETWORKS.map((n) => (
                <option key={n} value={n}>
                  {t(`social.networks.${n}` as 'social.title')}
                </option>
              ))}
            </NativeSelect>
            <PasswordInput id="social-secret" label={t('social.secret')} description={t(`social.secretHints.${network}` as 'social.title')} value={secret} onChange={(e) => setSecret(e.currentTarget.value)} error={invalid('social-secret')} autoComplete="off" />
            <PasswordInput id="social-confirmation" label={t('social.confirmation')} description={t('social.confirmationHint')} value={confirmation} onChange={(e) => setConfirmation(e.currentTarget.value)} error={invalid('social-confirmation')} autoComplete="off" />
            <PasswordInput id="social-token" label={t('social.token')} description={t('social.tokenHint')} value={token} onChange={(e) => setToken(e.currentTarget.value)} autoComplete="off" />
            <TextInput id="social-account-ref" label={t('social.accountRef')} description={t('social.accountRefHint')} value={accountRef} onChange={(e) => setAccountRef(e.currentTarget.value)} />
            <div>
              <Button type="submit" loading={save.isPending}>
                {t('social.connect')}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
