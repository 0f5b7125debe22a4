// QR posters: a body's city objects (a bus stop, a playground, an entrance) with their place,
// topic and code; the communications officer and the administrator add and remove them, and
// anyone of the body prints a poster in Kazakh, Russian or English. Scanning it opens the
// appeal form filled with the object (/{lang}/appeal?object=CODE).
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { ApiError } from '../../lib/api.ts';
import { focusSoon, usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { useMe } from '../../features/staff/api.ts';
import { useTopics } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { useCityObjects, useMapConfig, useCreateCityObject, useRemoveCityObject, type CityObject } from '../../features/citymap/api.ts';
import { QrPoster } from '../../features/citymap/components/qr-poster.tsx';

const EDITORS = ['comms_officer', 'admin'];
type Field = 'code' | 'name' | 'lat' | 'lon';
const EMPTY = { code: '', name: '', address: '', lat: '', lon: '', topicCode: '' };

export function QrPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('citymap.qr.title'));
  const me = useMe();
  const editor = !!me.data && EDITORS.includes(me.data.role);
  const objects = useCityObjects();
  const config = useMapConfig();
  const topics = useTopics();
  const create = useCreateCityObject();
  const remove = useRemoveCityObject();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [serverError, setServerError] = useState('');
  const [message, setMessage] = useState('');
  const [poster, setPoster] = useState<{ object: CityObject; lang: 'kk' | 'ru' | 'en' } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const posterRef = useRef<HTMLHeadingElement>(null);
  const topicName = useMemo(() => new Map((topics.data ?? []).map((x) => [x.code, nameIn(x.name, lang)])), [topics.data, lang]);

  const set = (k: keyof typeof EMPTY, v: string) => setForm((f) => ({ ...f, [k]: v }));
  const labels: Record<Field, string> = { code: t('citymap.qr.code'), name: t('citymap.qr.name'), lat: t('citymap.qr.lat'), lon: t('citymap.qr.lon') };

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!/^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/.test(form.code.trim())) found.code = t('citymap.qr.codeRule');
    if (form.name.trim().length < 2) found.name = t('errors.required');
    const lat = form.lat.trim() ? Number(form.lat.replace(',', '.')) : null;
    const lon = form.lon.trim() ? Number(form.lon.replace(',', '.')) : null;
    if ((lat === null) !== (lon === null) || (lat !== null && !(Math.abs(lat) <= 90))) found.lat = t('citymap.qr.placeRule');
    if ((lat === null) !== (lon === null) || (lon !== null && !(Math.abs(lon) <= 180))) found.lon = t('citymap.qr.placeRule');
    setErrors(found);
    setServerError('');
    if (Object.keys(found).length) {
      focusSoon(() => summaryRef.current);
      return;
    }
    create.mutate(
      { code: form.code.trim(), name: form.name.trim(), address: form.address.trim() || null, location: lat !== null && lon !== null ? { lat, lon } : null, topicCode: form.topicCode || null },
      {
        onSuccess: (o) => {
          setForm(EMPTY);
          setMessage(t('citymap.qr.created', { code: o.code }));
          focusSoon(() => messageRef.current);
        },
        onError: (err) => {
          setServerError(err instanceof ApiError ? err.message : t('errors.network'));
          focusSoon(() => summaryRef.current);
        },
      },
    );
  }

  const summary: SummaryItem[] = [
    ...(Object.keys(errors) as Field[]).filter((f) => errors[f]).map((f) => ({ fieldId: `qr-${f}`, label: labels[f], message: errors[f]! })),
    ...(serverError ? [{ label: '', message: serverError }] : []),
  ];

  return (
    <Stack gap="lg">
      <Title order={1}>{t('citymap.qr.title')}</Title>
      <Text>{t('citymap.qr.lead')}</Text>
      <p ref={messageRef} role="status" className={message ? undefined : 'visually-hidden'}>
        {message}
      </p>

      {editor && (
        <Paper withBorder p="md" component="section" aria-labelledby="qr-add">
          <Title order={2} size="h3" id="qr-add">
            {t('citymap.qr.add')}
          </Title>
          <form onSubmit={submit} noValidate>
            <Stack mt="sm">
              <ErrorSummary ref={summaryRef} title={t('errors.summaryTitle', { count: summary.length })} items={summary} />
              <TextInput id="qr-code" label={labels.code} description={t('citymap.qr.codeHint')} value={form.code} onChange={(e) => set('code', e.currentTarget.value.toUpperCase())} error={errors.code} maxLength={40} maw={320} />
              <TextInput id="qr-name" label={labels.name} value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} maxLength={200} />
              <TextInput id="qr-address" label={`${t('citymap.qr.address')} ${t('common.optional')}`} value={form.address} onChange={(e) => set('address', e.currentTarget.value)} maxLength={500} />
              <Group>
                <TextInput id="qr-lat" label={`${labels.lat} ${t('common.optional')}`} value={form.lat} onChange={(e) => set('lat', e.currentTarget.value)} error={errors.lat} inputMode="decimal" maw={200} />
                <TextInput id="qr-lon" label={`${labels.lon} ${t('common.optional')}`} value={form.lon} onChange={(e) => set('lon', e.currentTarget.value)} error={errors.lon} inputMode="decimal" maw={200} />
              </Group>
              <NativeSelect id="qr-topic" label={`${t('citymap.qr.topic')} ${t('common.optional')}`} value={form.topicCode} onChange={(e) => set('topicCode', e.currentTarget.value)} maw={420}>
                <option value="">{t('citymap.qr.noTopic')}</option>
                {(topics.data ?? []).map((tp) => (
                  <option key={tp.code} value={tp.code}>
                    {tp.parentCode ? `— ${nameIn(tp.name, lang)}` : nameIn(tp.name, lang)}
                  </option>
                ))}
              </NativeSelect>
              <Group>
                <Button type="submit" loading={create.isPending}>
                  {t('citymap.qr.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}

      <section aria-labelledby="qr-list">
        <Title order={2} size="h3" id="qr-list">
          {t('citymap.qr.listTitle')}
        </Title>
        {objects.isPending ? (
          <Text>{t('common.loading')}</Text>
        ) : objects.isError ? (
          <Text c="var(--mantine-color-error)">{t('common.loadFailed')}</Text>
        ) : objects.data.items.length === 0 ? (
          <Text>{t('citymap.qr.none')}</Text>
        ) : (
          <ScrollRegion label={t('citymap.qr.listTitle')}>
            <Table striped withTableBorder data-testid="qr-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{labels.code}</Table.Th>
                  <Table.Th scope="col">{labels.name}</Table.Th>
                  <Table.Th scope="col">{t('citymap.qr.topic')}</Table.Th>
                  <Table.Th scope="col">{t('citymap.qr.poster')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {objects.data.items.map((o) => (
                  <Table.Tr key={o.code}>
                    <Table.Th scope="row">{o.code}</Table.Th>
                    <Table.Td>
                      {o.name}
                      {o.address ? <Text size="sm">{o.address}</Text> : null}
                    </Table.Td>
                    <Table.Td>{o.topicCode ? (topicName.get(o.topicCode) ?? o.topicCode) : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {(['kk', 'ru', 'en'] as const).map((l) => (
                          <Button
                            key={l}
                            size="compact-md"
                            variant="outline"
                            aria-label={t('citymap.qr.posterIn', { code: o.code, language: t(`citymap.qr.language.${l}`) })}
                            onClick={() => {
                              setPoster({ object: o, lang: l });
                              focusSoon(() => posterRef.current);
                            }}
                          >
                            {l.toUpperCase()}
                          </Button>
                        ))}
                        {editor && (
                          <Button
                            size="compact-md"
                            variant="subtle"
                            color="red"
                            aria-label={t('citymap.qr.removeOne', { code: o.code })}
                            onClick={() =>
                              remove.mutate(o.code, {
                                onSuccess: () => {
                                  setMessage(t('citymap.qr.removed', { code: o.code }));
                                  if (poster?.object.code === o.code) setPoster(null);
                                  focusSoon(() => messageRef.current);
                                },
                              })
                            }
                          >
                            {t('common.remove')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </section>

      {poster && (
        <section aria-labelledby="qr-poster-heading">
          <Title order={2} size="h3" id="qr-poster-heading" ref={posterRef}>
            {t('citymap.qr.posterTitle', { code: poster.object.code, language: t(`citymap.qr.language.${poster.lang}`) })}
          </Title>
          <Group my="sm">
            <Button onClick={() => window.print()}>{t('citymap.qr.print')}</Button>
          </Group>
          <QrPoster object={poster.object} lang={poster.lang} origin={config.data?.portalUrl ?? window.location.origin} />
        </section>
      )}
    </Stack>
  );
}
