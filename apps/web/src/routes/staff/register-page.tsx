// Register an appeal on a citizen's behalf: what came by phone, on paper, at the counter.
import { useState } from 'react';
import { Loader, Stack, Text, Title } from '@mantine/core';

import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { useMe } from '../../features/staff/api.ts';
import { useBody } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { AppealForm } from '../../features/appeals/components/appeal-form.tsx';
import { RegistrationReceipt } from '../../features/appeals/components/registration-receipt.tsx';
import type { Registered } from '../../features/appeals/api.ts';

export function RegisterPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe().data!;
  const body = useBody(me.bodyId);
  usePageTitle(t('register.title'));
  const [done, setDone] = useState<Registered | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{t('register.title')}</Title>
      {!body.data ? (
        <Loader aria-label={t('common.loading')} />
      ) : done ? (
        <>
          <RegistrationReceipt result={done} bodyName={nameIn(body.data.name, lang)} onAnother={() => { setDone(null); setFormKey((k) => k + 1); }} />
          <AnchorLink to="/$lang/staff/appeals/$id" params={{ lang, id: done.id }} size="lg">
            {t('register.openCard')}
          </AnchorLink>
        </>
      ) : (
        <>
          <Text size="lg">{t('register.lead')}</Text>
          <AppealForm key={formKey} staff={{ body: body.data }} onRegistered={(r) => setDone(r)} />
        </>
      )}
    </Stack>
  );
}
