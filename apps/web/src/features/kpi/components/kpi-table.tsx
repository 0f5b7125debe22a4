// A KPI table: one row per group, one column per KPI (names from the one definition); the
// table every chart on the dashboard stands beside. A row's name may link to its appeals.
import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { KPI_CODES, type KpiCode } from '@tyndau/contracts';
import { ScrollRegion } from '../../../components/scroll-region.tsx';
import { useLang } from '../../../lib/use-lang.ts';
import type { KpiValues } from '../api.ts';
import { formatKpi, kpiFormula, kpiName } from './kpi-format.ts';

export interface KpiRow {
  key: string;
  head: ReactNode;
  kpis: KpiValues;
  lead?: ReactNode;
}

export function KpiTable({ caption, groupTitle, rows, total, codes = KPI_CODES, leadTitle, testId }: { caption: string; groupTitle: string; rows: KpiRow[]; total?: KpiRow; codes?: readonly KpiCode[]; leadTitle?: string; testId?: string }) {
  const lang = useLang();
  return (
    <ScrollRegion label={caption}>
      <Table striped data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {leadTitle && <Table.Th scope="col">{leadTitle}</Table.Th>}
            <Table.Th scope="col">{groupTitle}</Table.Th>
            {codes.map((c) => (
              <Table.Th scope="col" key={c} ta="right" title={kpiFormula(c, lang)} style={{ whiteSpace: 'normal', minWidth: '7rem' }}>
                {kpiName(c, lang)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...rows, ...(total ? [total] : [])].map((r) => (
            <Table.Tr key={r.key}>
              {leadTitle && <Table.Td>{r.lead}</Table.Td>}
              <Table.Th scope="row" style={{ whiteSpace: 'normal' }}>
                {r.head}
              </Table.Th>
              {codes.map((c) => (
                <Table.Td key={c} ta="right">
                  {formatKpi(c, r.kpis[c], lang)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
