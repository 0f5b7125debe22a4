// My notifications: e-mail or Telegram for staff messages, and the 09:00 daily digest.
import { Button, Loader, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { TelegramLink } from '../../components/telegram-link.tsx';
import { savePreferences, staffTelegramLink, usePreferences, type Preferences } from '../../features/staff/api.ts';

export function SettingsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('settings.title'));
  const prefs = usePreferences();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (p: Partial<Pick<Preferences, 'channel' | 'digest'>>) => savePreferences(p),
    onSuccess: (p) => queryClient.setQueryData(['preferences'], p),
  });
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('settings.title')}</Title>
      {prefs.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : prefs.isError ? (
        <Text>{prefs.error.message}</Text>
      ) : (
        <>
          <Radio.Group label={t('settings.channel')} description={t('settings.channelHint')} value={prefs.data.channel} onChange={(v) => save.mutate({ channel: v as Preferences['channel'] })}>
            <Stack gap="xs" mt="xs">
              <Radio value="email" size="md" label={t('outbox.channels.email')} />
              <Radio value="telegram" size="md" label={t('outbox.channels.telegram')} disabled={!prefs.data.telegramLinked} description={prefs.data.telegramLinked ? t('settings.linkedAt', { date: formatDateTime(prefs.data.telegramLinkedAt, lang) }) : t('settings.linkFirst')} />
            </Stack>
          </Radio.Group>
          <TelegramLink create={staffTelegramLink} label={prefs.data.telegramLinked ? t('settings.relink') : t('settings.link')} />
          <Switch size="md" checked={prefs.data.digest} onChange={(e) => save.mutate({ digest: e.currentTarget.checked })} label={t('settings.digest')} description={t('settings.digestHint')} />
          <div aria-live="polite">
            {save.isSuccess && <Text fw={600}>{t('settings.saved')}</Text>}
            {save.isError && <Text c="var(--mantine-color-error)">{save.error.message}</Text>}
          </div>
          <div>
            <Button variant="subtle" onClick={() => void prefs.refetch()}>
              {t('settings.refresh')}
            </Button>
          </div>
        </>
      )}
    </Stack>
  );
}
