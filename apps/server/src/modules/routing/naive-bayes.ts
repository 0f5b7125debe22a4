// Multinomial naive Bayes over text features: the model is only counts (documents per label,
// feature occurrences per label), so two models add up — the shipped base model plus the
// register's own history is one model — and retraining is a recount.
//
// Confidences are the posterior probabilities, flattened by TEMPERATURE: naive Bayes is
// over-sure (it multiplies many dependent features), and a confidence of 0.999 on a wrong
// topic would mislead the triage officer more than an honest 0.6.
import { features } from './text-features.ts';

const ALPHA = 0.1; // additive smoothing
const TEMPERATURE = 0.12; // log-posterior scale: calibrates the confidences (see above)

export interface ModelCounts {
  labels: string[];
  /** documents per label, by label index */
  docs: number[];
  /** feature -> [labelIndex, count, labelIndex, count, …] */
  features: Record<string, number[]>;
}

export interface Scored {
  label: string;
  confidence: number;
}

export class NaiveBayes {
  private labelIndex = new Map<string, number>();
  private labels: string[] = [];
  private docs: number[] = [];
  private totals: number[] = [];
  private counts = new Map<string, Map<number, number>>();

  static from(model: ModelCounts): NaiveBayes {
    const nb = new NaiveBayes();
    nb.merge(model);
    return nb;
  }

  get labelCount() {
    return this.labels.length;
  }

  get size() {
    return this.docs.reduce((s, n) => s + n, 0);
  }

  private index(label: string): number {
    let i = this.labelIndex.get(label);
    if (i === undefined) {
      i = this.labels.length;
      this.labelIndex.set(label, i);
      this.labels.push(label);
      this.docs.push(0);
      this.totals.push(0);
    }
    return i;
  }

  private addCount(feature: string, label: number, n: number) {
    let row = this.counts.get(feature);
    if (!row) this.counts.set(feature, (row = new Map()));
    row.set(label, (row.get(label) ?? 0) + n);
    this.totals[label] += n;
  }

  /** Learn one labelled text (weight: how many documents it counts for). */
  learn(text: string, label: string, weight = 1): void {
    const i = this.index(label);
    this.docs[i] += weight;
    for (const f of features(text)) this.addCount(f, i, weight);
  }

  /** Add another model's counts to this one. */
  merge(model: ModelCounts): void {
    const map = model.labels.map((l) => this.index(l));
    model.docs.forEach((n, i) => (this.docs[map[i]] += n));
    for (const [f, row] of Object.entries(model.features)) for (let k = 0; k < row.length; k += 2) this.addCount(f, map[row[k]], row[k + 1]);
  }

  /** Labels best first with their confidences (summing to 1 over all labels). */
  predict(text: string, limit = 5): Scored[] {
    const n = this.labels.length;
    if (n === 0) return [];
    const vocabulary = this.counts.size;
    const totalDocs = this.size;
    const score = this.docs.map((d) => Math.log((d + 1) / (totalDocs + n)));
    const known = features(text).filter((f) => this.counts.has(f));
    for (const f of known) {
      const row = this.counts.get(f)!;
      for (let i = 0; i < n; i++) score[i] += Math.log(((row.get(i) ?? 0) + ALPHA) / (this.totals[i] + ALPHA * vocabulary));
    }
    const scale = known.length > 0 ? TEMPERATURE : 1;
    const max = Math.max(...score);
    const exp = score.map((s) => Math.exp((s - max) * scale));
    const sum = exp.reduce((a, b) => a + b, 0);
    return exp
      .map((e, i) => ({ label: this.labels[i], confidence: e / sum }))
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, limit);
  }

  /** The counts, for storage; features seen fewer than minCount times in all are dropped (they barely move a posterior). */
  toJSON(minCount = 1): ModelCounts {
    const out: Record<string, number[]> = {};
    for (const [f, row] of this.counts) {
      let total = 0;
      for (const c of row.values()) total += c;
      if (total < minCount) continue;
      out[f] = [...row].flatMap(([i, c]) => [i, Math.round(c * 100) / 100]);
    }
    return { labels: this.labels.slice(), docs: this.docs.slice(), features: out };
  }
}
