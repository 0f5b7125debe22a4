// Submit an appeal: the form, then the number and access code.
import { useState } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { AppealForm } from '../../features/appeals/components/appeal-form.tsx';
import { RegistrationReceipt } from '../../features/appeals/components/registration-receipt.tsx';
import type { Registered } from '../../features/appeals/api.ts';
import { useBody } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';

const route = getRouteApi('/$lang/appeal');

export function AppealPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const search = route.useSearch();
  usePageTitle(t('appeal.title'));
  const [done, setDone] = useState<{ result: Registered; bodyCode: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const body = useBody(done?.bodyCode);

  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{t('appeal.title')}</Title>
      {done ? (
        <RegistrationReceipt
          result={done.result}
          bodyName={nameIn(body.data?.name, lang)}
          onAnother={() => {
            setDone(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <>
          <Text size="lg">{t('appeal.lead')}</Text>
          <AppealForm key={formKey} initialBodyCode={search.body} onRegistered={(result, bodyCode) => setDone({ result, bodyCode })} />
        </>
      )}
    </Stack>
  );
}
