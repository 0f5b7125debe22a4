// Writes the routing model shipped with the code (apps/server/src/modules/routing/base-model.json):
// multinomial naive Bayes counts trained on the real appeals of ../shared/data (St Petersburg
// and Kursk), their labels mapped to the platform's topic taxonomy, plus each taxonomy topic's
// own names in kk/ru/en (so every topic, and Kazakh, has some words). Only counts of stems
// leave this script, never an appeal's text.
//
//   npm run routing:base-model
import fs from 'node:fs';
import path from 'node:path';
import { TOPICS } from '../apps/server/src/modules/bodies/topic-taxonomy.ts';
import { NaiveBayes } from '../apps/server/src/modules/routing/naive-bayes.ts';
import { loadKursk, loadSpb } from './lib/routing-data.ts';

const OUT = path.resolve(import.meta.dirname, '../apps/server/src/modules/routing/base-model.json');
const MIN_COUNT = 4; // rarer stems and pairs are dropped: the file stays small and they barely move a posterior
const NAME_WEIGHT = 20; // a topic's names count as this many appeals

const nb = new NaiveBayes();
const spb = loadSpb();
const kursk = loadKursk();
for (const a of spb) nb.learn(a.text, a.topic);
for (const a of kursk) nb.learn(a.text, a.topic);
for (const t of TOPICS) if (t.parentCode) nb.learn(`${t.name.ru} ${t.name.kk} ${t.name.en}`, t.code, NAME_WEIGHT);
const model = nb.toJSON(MIN_COUNT);
const json = JSON.stringify({ source: 'St Petersburg 2020–2021 and Kursk appeals (../shared/data), taxonomy names', trained: spb.length + kursk.length, ...model });
fs.writeFileSync(OUT, json + '\n');
console.log(`${OUT}: ${model.labels.length} topics, ${Object.keys(model.features).length} features, ${(json.length / 1024).toFixed(0)} KiB from ${spb.length + kursk.length} appeals`);
