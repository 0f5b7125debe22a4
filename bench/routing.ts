// Routing benchmark: top-1 and top-3 accuracy of the routing model on held-out real appeals
// (../shared/data), trained only on the rest.
//
//   npm run bench:routing -- [--held-out 0.2] [--seed 7]
//
// Measured: St Petersburg's 15 categories, its 125 reasons and its 76 executors; Kursk's
// 161 topics and 75 executors; and both mapped to the platform's taxonomy (the labels the
// shipped model predicts). The goal is topic top-1 ≥ 85 % on St Petersburg's categories.
import os from 'node:os';
import { numberFlags } from './lib/args.ts';
import { loadKursk, loadSpb, split, type LabelledAppeal } from './lib/routing-data.ts';
import { NaiveBayes } from '../apps/server/src/modules/routing/naive-bayes.ts';

const opts = numberFlags({ 'held-out': 0.2, seed: 7 }, {});

function measure(name: string, items: LabelledAppeal[], label: (a: LabelledAppeal) => string) {
  const { train, test } = split(items, opts['held-out'], opts.seed);
  const t0 = performance.now();
  const nb = new NaiveBayes();
  for (const a of train) nb.learn(a.text, label(a));
  const trainMs = performance.now() - t0;
  let top1 = 0;
  let top3 = 0;
  const t1 = performance.now();
  for (const a of test) {
    const got = nb.predict(a.text, 3).map((s) => s.label);
    if (got[0] === label(a)) top1++;
    if (got.includes(label(a))) top3++;
  }
  const perText = (performance.now() - t1) / test.length;
  const labels = new Set(items.map(label)).size;
  const pct = (n: number) => `${((100 * n) / test.length).toFixed(1)} %`;
  console.log(`${name.padEnd(34)} ${String(labels).padStart(4)} labels  train ${String(train.length).padStart(6)}  test ${String(test.length).padStart(6)}  top-1 ${pct(top1).padStart(7)}  top-3 ${pct(top3).padStart(7)}  (train ${(trainMs / 1000).toFixed(1)} s, ${perText.toFixed(2)} ms/text)`);
  return { top1: top1 / test.length, top3: top3 / test.length };
}

console.log(`Tyndau routing benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; held out ${opts['held-out'] * 100} % (seed ${opts.seed})`);
const spb = loadSpb();
const kursk = loadKursk();
const goal = measure('St Petersburg: category', spb, (a) => a.category);
measure('St Petersburg: taxonomy topic', spb, (a) => a.topic);
measure('St Petersburg: reason', spb, (a) => a.reason);
measure('St Petersburg: executor', spb, (a) => a.executor);
measure('Kursk: topic', kursk, (a) => a.reason);
measure('Kursk: category', kursk, (a) => a.category);
measure('Kursk: taxonomy topic', kursk, (a) => a.topic);
measure('Kursk: executor', kursk, (a) => a.executor);
console.log(`goal (St Petersburg category top-1 ≥ 85 %): ${goal.top1 >= 0.85 ? 'met' : 'NOT met'} (${(goal.top1 * 100).toFixed(1)} %)`);
