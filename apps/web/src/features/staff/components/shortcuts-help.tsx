// The shortcuts of the page, listed where everyone can see them, with the switch to turn them off.
import { Kbd, Paper, Switch, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setShortcutsEnabled, useShortcutsEnabled } from '../../../lib/shortcuts.ts';

export function ShortcutsHelp({ items }: { items: Array<{ keys: string[]; label: string }> }) {
  const { t } = useTranslation();
  const on = useShortcutsEnabled();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="shortcuts-title" id="shortcuts" tabIndex={-1}>
      <Title order={2} size="h4" id="shortcuts-title" mb="xs">
        {t('shortcuts.title')}
      </Title>
      <Switch size="md" mb="sm" checked={on} onChange={(e) => setShortcutsEnabled(e.currentTarget.checked)} label={t('shortcuts.enabled')} />
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {items.map((it) => (
            <Table.Tr key={it.label}>
              <Table.Td w={120}>
                {it.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <Kbd size="md">{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{it.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
