// The routing suggestion at triage: the likeliest topics and bodies with their confidence,
// each one click from the form's field. The officer decides; the suggestion only helps.
import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBodies, useTopics } from '../../bodies/api.ts';
import { nameIn } from '../../bodies/components/body-name.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useLang } from '../../../lib/use-lang.ts';
import { useAppealSuggestion } from '../api.ts';

const SHOWN = 3;

export function SuggestionPanel({ appealId, ownBodyId, onTopic, onBody }: { appealId: string; ownBodyId: string; onTopic?: (code: string) => void; onBody?: (bodyId: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const suggestion = useAppealSuggestion(appealId);
  const topics = useTopics();
  const bodies = useBodies('');
  const pct = (x: number) => `${formatNumber(Math.round(x * 100), lang)} %`;
  if (suggestion.isPending) return <Loader size="sm" aria-label={t('routing.loading')} />;
  if (suggestion.isError) return null;
  const topicName = (code: string) => {
    const tp = topics.data?.find((x) => x.code === code);
    return tp ? nameIn(tp.name, lang) : code;
  };
  const bodyName = (id: string, code: string) => {
    const b = bodies.data?.items.find((x) => x.id === id);
    return b ? nameIn(b.name, lang) : code;
  };
  const others = suggestion.data.bodies.filter((b) => b.id !== ownBodyId).slice(0, SHOWN);
  return (
    <Paper withBorder p="sm" data-testid="routing-suggestion" role="region" aria-labelledby="routing-suggestion-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="routing-suggestion-title">
          {t('routing.suggested')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('routing.hint')}
        </Text>
        <Text fw={600} size="sm">
          {t('routing.topics')}
        </Text>
        {suggestion.data.topics.slice(0, SHOWN).map((tp) => (
          <Group key={tp.code} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {topicName(tp.code)} — {pct(tp.confidence)}
            </Text>
            {onTopic && (
              <Button size="xs" variant="light" onClick={() => onTopic(tp.code)} aria-label={t('routing.useTopic', { name: topicName(tp.code) })}>
                {t('routing.use')}
              </Button>
            )}
          </Group>
        ))}
        {others.length > 0 && (
          <Text fw={600} size="sm">
            {t('routing.bodies')}
          </Text>
        )}
        {others.map((b) => (
          <Group key={b.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {bodyName(b.id, b.code)} — {pct(b.confidence)}
            </Text>
            {onBody && (
              <Button size="xs" variant="light" onClick={() => onBody(b.id)} aria-label={t('routing.useBody', { name: bodyName(b.id, b.code) })}>
                {t('routing.redirectThere')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
