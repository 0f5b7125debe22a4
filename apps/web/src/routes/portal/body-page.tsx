// A body's public page: contacts, every channel with its number, hours and address and what
// it is for, its units and the topics it handles.
import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { enumLabel } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useLang } from '../../lib/use-lang.ts';
import { topicsOfBody, useBody, useTopics, type BodyChannel } from '../../features/bodies/api.ts';
import { nameIn } from '../../features/bodies/components/body-name.ts';
import { SiteSections } from '../../features/online/components/site-sections.tsx';
import { PageUseful } from '../../features/online/components/page-useful.tsx';
import classes from '../../lib/portal.module.css';

const route = getRouteApi('/$lang/bodies/$code');

export function BodyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { code } = route.useParams();
  const body = useBody(code);
  const topics = useTopics();
  usePageTitle(body.data ? nameIn(body.data.name, lang) : t('body.title'), !body.isPending);

  if (body.isPending) {
    return (
      <Stack>
        <Title order={1}>{t('body.title')}</Title>
        <Loader aria-label={t('common.loading')} />
      </Stack>
    );
  }
  if (body.isError) {
    const missing = body.error instanceof ApiError && body.error.status === 404;
    return (
      <Stack>
        <Title order={1}>{missing ? t('body.notFound') : t('common.loadFailed')}</Title>
        <AnchorLink to="/$lang" params={{ lang }}>
          {t('notFound.home')}
        </AnchorLink>
      </Stack>
    );
  }
  const b = body.data;
  const handled = topics.data ? topicsOfBody(topics.data, b.topics).filter((tp) => tp.parentCode === null || !b.topics.includes(tp.parentCode)) : [];
  const c = b.contacts;

  return (
    <Stack gap="xl" maw={900}>
      <Stack gap="xs">
        <Text fw={600}>{enumLabel('bodyKind', b.kind)}</Text>
        <Title order={1}>{nameIn(b.name, lang)}</Title>
      </Stack>
      <div>
        <Group>
          <ButtonLink size="lg" to="/$lang/appeal" params={{ lang }} search={{ body: b.code }}>
            {t('body.writeHere')}
          </ButtonLink>
          <ButtonLink size="lg" variant="outline" to="/$lang/drafts" params={{ lang }} search={{ body: b.code }}>
            {t('drafts.bodyLink')}
          </ButtonLink>
          <ButtonLink size="lg" variant="outline" to="/$lang/reception" params={{ lang }} search={{ body: b.code }}>
            {t('reception.bookHere')}
          </ButtonLink>
        </Group>
      </div>

      {c && (
        <section aria-labelledby="contacts-title">
          <Title order={2} id="contacts-title" mb="sm">
            {t('body.contacts')}
          </Title>
          <dl className={classes.dl}>
            {c.address && (
              <>
                <dt>{t('body.address')}</dt>
                <dd>{nameIn(c.address, lang)}</dd>
              </>
            )}
            {c.phone && (
              <>
                <dt>{t('body.phone')}</dt>
                <dd>
                  <Anchor href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</Anchor>
                </dd>
              </>
            )}
            {c.email && (
              <>
                <dt>{t('body.email')}</dt>
                <dd>
                  <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>
                </dd>
              </>
            )}
            {c.hours && (
              <>
                <dt>{t('body.hours')}</dt>
                <dd>{nameIn(c.hours, lang)}</dd>
              </>
            )}
          </dl>
        </section>
      )}

      <section aria-labelledby="channels-title">
        <Title order={2} id="channels-title" mb="xs">
          {t('body.channels')}
        </Title>
        <Text mb="md">{t('body.channelsLead')}</Text>
        <ul className={classes.channelList}>
          {b.channels.map((ch, i) => (
            <ChannelCard key={`${ch.channel}-${i}`} ch={ch} />
          ))}
        </ul>
      </section>

      {handled.length > 0 && (
        <section aria-labelledby="topics-title">
          <Title order={2} id="topics-title" mb="sm">
            {t('body.topics')}
          </Title>
          <ul>
            {handled.map((tp) => (
              <li key={tp.code}>{nameIn(tp.name, lang)}</li>
            ))}
          </ul>
        </section>
      )}

      {b.units.length > 0 && (
        <section aria-labelledby="units-title">
          <Title order={2} id="units-title" mb="sm">
            {t('body.units')}
          </Title>
          <ul>
            {b.units.map((u) => (
              <li key={u.id}>{nameIn(u.name, lang)}</li>
            ))}
          </ul>
        </section>
      )}

      <SiteSections code={b.code} />
      <PageUseful body={b.code} />
    </Stack>
  );
}

function ChannelCard({ ch }: { ch: BodyChannel }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <li>
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h4">
          {enumLabel('channel', ch.channel)}
        </Title>
        <Text mt={4}>{t(`channelPurpose.${ch.channel}` as 'channelPurpose.website', { defaultValue: '' })}</Text>
        <dl className={classes.dl} style={{ marginTop: 8 }}>
          {ch.phone && (
            <>
              <dt>{t('body.phone')}</dt>
              <dd>
                <Anchor href={`tel:${ch.phone.replace(/\s/g, '')}`}>{ch.phone}</Anchor>
              </dd>
            </>
          )}
          {ch.url && (
            <>
              <dt>{t('body.site')}</dt>
              <dd>
                <Anchor href={ch.url} target="_blank" rel="noopener noreferrer">
                  {ch.url.replace(/^https?:\/\//, '')}
                  <span className="visually-hidden"> ({t('common.newWindow')})</span>
                </Anchor>
              </dd>
            </>
          )}
          {ch.hours && (
            <>
              <dt>{t('body.hours')}</dt>
              <dd>{nameIn(ch.hours, lang)}</dd>
            </>
          )}
          {ch.address && (
            <>
              <dt>{t('body.address')}</dt>
              <dd>{nameIn(ch.address, lang)}</dd>
            </>
          )}
        </dl>
      </Paper>
    </li>
  );
}
