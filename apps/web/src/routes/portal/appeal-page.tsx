// Submit an appeal: the form, then the number and access code. Opened from a QR poster
// (?object=CODE) the form is filled with the city object's body, topic and place; filled
// without a network it is kept on the device and sent when the network returns.
import { useRef, useState } from 'react';
import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { AppealForm } from '../../features/appeals/components/appeal-form.tsx';
import { RegistrationReceipt } from '../../features/appeals/components/registration-receipt.tsx';
import { OfflineOutboxNotice } from '../../features/appeals/components/offline-outbox-notice.tsx';
import type { Registered } from '../../features/appeals/api.ts';
import { useBody } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { useCityObject } from '../../features/citymap/api.ts';

const route = getRouteApi('/$lang/appeal');

export function AppealPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const search = route.useSearch();
  usePageTitle(t('appeal.title'));
  const [done, setDone] = useState<{ result: Registered; bodyCode: string } | null>(null);
  const [kept, setKept] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const body = useBody(done?.bodyCode);
  const object = useCityObject(search.object);
  const keptRef = useRef<HTMLDivElement>(null);
  const initial = object.data
    ? { bodyCode: object.data.body.code, topicCode: object.data.topicCode ?? '', address: object.data.address ?? '', location: object.data.location }
    : undefined;

  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{t('appeal.title')}</Title>
      <OfflineOutboxNotice />
      {done ? (
        <RegistrationReceipt
          result={done.result}
          bodyName={nameIn(body.data?.name, lang)}
          onAnother={() => {
            setDone(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : kept ? (
        <Alert ref={keptRef} variant="light" title={t('citymap.offline.keptTitle')} data-testid="appeal-kept">
          <Text>{t('citymap.offline.keptText')}</Text>
        </Alert>
      ) : search.object && object.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        <>
          <Text size="lg">{t('appeal.lead')}</Text>
          {object.data && (
            <Alert variant="light" title={t('citymap.qr.fromPoster')} data-testid="object-notice">
              <Text>
                {object.data.name}
                {object.data.address ? ` — ${object.data.address}` : ''}
              </Text>
            </Alert>
          )}
          {search.object && object.isError && <Text c="var(--mantine-color-error)">{t('citymap.qr.unknownObject', { code: search.object })}</Text>}
          <AppealForm
            key={formKey}
            initialBodyCode={search.body}
            initial={initial}
            onRegistered={(result, bodyCode) => setDone({ result, bodyCode })}
            onKept={() => {
              setKept(true);
              focusSoon(() => keptRef.current);
            }}
          />
        </>
      )}
    </Stack>
  );
}
