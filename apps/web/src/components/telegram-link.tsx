// A one-time Telegram link: pressing the button asks the server for a deep link, which the
// person opens in Telegram to connect a chat (to an appeal, or to a staff account).
import { useEffect, useRef } from 'react';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';
import { focusSoon } from '../lib/page.ts';

export function TelegramLink({ create, label }: { create: () => Promise<{ url: string; bot: string }>; label: string }) {
  const { t } = useTranslation();
  const link = useRef<HTMLAnchorElement>(null);
  const mutation = useMutation({ mutationFn: create });
  useEffect(() => {
    if (mutation.data) focusSoon(() => link.current);
  }, [mutation.data]);
  return (
    <Stack gap="xs" aria-live="polite">
      {mutation.data ? (
        <>
          <Anchor ref={link} href={mutation.data.url} target="_blank" rel="noopener noreferrer" fw={700} data-testid="telegram-link">
            {t('telegram.open', { bot: mutation.data.bot })}
            <span className="visually-hidden"> ({t('common.newWindow')})</span>
          </Anchor>
          <Text size="sm">{t('telegram.hint')}</Text>
        </>
      ) : (
        <div>
          <Button variant="outline" onClick={() => mutation.mutate()} loading={mutation.isPending}>
            {label}
          </Button>
        </div>
      )}
      {mutation.isError && <Text c="var(--mantine-color-error)">{mutation.error instanceof ApiError ? mutation.error.message : t('errors.network')}</Text>}
    </Stack>
  );
}
