// The statistics of survey results: Pearson's chi-square test of independence on a
// contingency table, its p-value from the chi-square distribution, and raking (iterative
// proportional fitting) of response weights to the quota targets.

/** ln Γ(x), Lanczos approximation (g = 7, n = 9): ~15 significant digits for x > 0. */
function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Q(a, x) = Γ(a, x) / Γ(a), the regularized upper incomplete gamma (series below a+1, continued fraction above). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnPre = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lnPre));
  }
  // Lentz's continued fraction
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(lnPre) * h;
}

/** P(X ≥ x) for X ~ χ²(df). */
export const chiSquarePValue = (x: number, df: number) => (df <= 0 ? 1 : gammaQ(df / 2, x / 2));

/**
 * Pearson's chi-square on a table of (possibly weighted) counts, rows × columns. Rows and
 * columns with no observations are left out (they carry no degrees of freedom).
 */
export function chiSquare(table: number[][]): { statistic: number; df: number; pValue: number | null } {
  const rows = table.filter((r) => r.reduce((s, x) => s + x, 0) > 0);
  const cols = rows.length ? rows[0].map((_, j) => j).filter((j) => rows.some((r) => r[j] > 0)) : [];
  if (rows.length < 2 || cols.length < 2) return { statistic: 0, df: 0, pValue: null };
  const rowSum = rows.map((r) => cols.reduce((s, j) => s + r[j], 0));
  const colSum = cols.map((j) => rows.reduce((s, r) => s + r[j], 0));
  const n = rowSum.reduce((s, x) => s + x, 0);
  let statistic = 0;
  rows.forEach((r, i) =>
    cols.forEach((j, k) => {
      const expected = (rowSum[i] * colSum[k]) / n;
      statistic += (r[j] - expected) ** 2 / expected;
    }),
  );
  const df = (rows.length - 1) * (cols.length - 1);
  return { statistic, df, pValue: chiSquarePValue(statistic, df) };
}

/**
 * Raking: weights such that, on every dimension with targets, the weighted share of each
 * group matches its target share (as far as the sample has that group at all). Each
 * response starts at 1; the mean weight stays 1.
 */
export function rake(profiles: Array<Record<string, string>>, targets: Record<string, Record<string, number>>, iterations = 50): number[] {
  const w = profiles.map(() => 1);
  const dims = Object.entries(targets).filter(([, g]) => Object.values(g).some((x) => x > 0));
  if (profiles.length === 0 || dims.length === 0) return w;
  for (let it = 0; it < iterations; it++) {
    let change = 0;
    for (const [dim, groups] of dims) {
      const present = Object.keys(groups).filter((g) => profiles.some((p) => p[dim] === g));
      const targetTotal = present.reduce((s, g) => s + groups[g], 0);
      if (targetTotal <= 0) continue;
      const total = w.reduce((s, x, i) => s + (present.includes(profiles[i][dim]) ? x : 0), 0);
      for (const g of present) {
        const have = w.reduce((s, x, i) => s + (profiles[i][dim] === g ? x : 0), 0);
        const factor = (groups[g] / targetTotal) * (total / have);
        change = Math.max(change, Math.abs(factor - 1));
        profiles.forEach((p, i) => {
          if (p[dim] === g) w[i] *= factor;
        });
      }
    }
    if (change < 1e-9) break;
  }
  const mean = w.reduce((s, x) => s + x, 0) / w.length;
  return w.map((x) => x / mean);
}
