import { KPIS, type KpiCode } from '@tyndau/contracts';
import { formatNumber } from '../../../lib/format.ts';
import type { Language } from '../../../lib/languages.ts';

/** A KPI's name in the page's language, from the one definition. */
export const kpiName = (code: KpiCode, lang: Language) => KPIS.find((k) => k.code === code)!.name[lang];
export const kpiFormula = (code: KpiCode, lang: Language) => KPIS.find((k) => k.code === code)!.formula[lang];

/** A KPI value as shown: shares in per cent, no value as a dash. */
export function formatKpi(code: KpiCode, v: number | null | undefined, lang: Language): string {
  if (v === null || v === undefined) return '—';
  const kind = KPIS.find((k) => k.code === code)!.kind;
  return kind === 'share' ? `${formatNumber(Math.round(v * 1000) / 10, lang)} %` : formatNumber(v, lang);
}
