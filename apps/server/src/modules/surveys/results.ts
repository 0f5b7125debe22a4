// Survey results: for each closed question, a cross-tabulation by one profile dimension —
// counts, column percentages and Pearson's chi-square p-value — optionally weighted to the
// quota targets (raking). Multiple-choice questions get counts and column % per option but
// no chi-square (one respondent may fall in several rows, so the test does not apply).
import { chiSquare, rake } from './stats.ts';
import { PROFILE, type Question } from './questionnaire.ts';

export interface ResponseRow {
  profile: Record<string, string>;
  answers: Record<string, string | string[] | number>;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function weightsFor(rows: ResponseRow[], quotas: Record<string, Record<string, number>>, weighted: boolean): number[] {
  return weighted ? rake(rows.map((r) => r.profile), quotas) : rows.map(() => 1);
}

export function crossTabs(questions: Question[], rows: ResponseRow[], by: string, weights: number[]) {
  const groups = Object.keys(PROFILE[by].groups);
  return questions
    .filter((q) => q.kind !== 'text')
    .map((q) => {
      const values = q.kind === 'scale' ? Array.from({ length: q.max ?? 5 }, (_, i) => String(i + 1)) : q.options!.map((o) => o.id);
      const counts = values.map(() => groups.map(() => 0));
      const respondents = groups.map(() => 0);
      rows.forEach((r, i) => {
        const a = r.answers[q.id];
        const col = groups.indexOf(r.profile[by]);
        if (a === undefined || col < 0) return;
        respondents[col] += weights[i];
        for (const v of Array.isArray(a) ? a : [String(a)]) {
          const row = values.indexOf(v);
          if (row >= 0) counts[row][col] += weights[i];
        }
      });
      const test = q.kind === 'multiple' ? null : chiSquare(counts);
      return {
        questionId: q.id,
        kind: q.kind,
        text: q.text,
        groups,
        rows: values.map((v, i) => ({
          value: v,
          label: q.options?.find((o) => o.id === v)?.text ?? { kk: v, ru: v, en: v },
          counts: counts[i].map(r1),
          columnPercent: counts[i].map((c, j) => (respondents[j] > 0 ? r1((100 * c) / respondents[j]) : null)),
        })),
        respondents: respondents.map(r1),
        chiSquare: test && test.pValue !== null ? { statistic: r3(test.statistic), df: test.df, pValue: Number(test.pValue.toPrecision(4)) } : null,
      };
    });
}
