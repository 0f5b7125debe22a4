// The routing model in use: the base model shipped with the code (base-model.json, trained
// on real appeals by bench/routing-base-model.ts) plus the newest model trained on the
// register's own history (routing_model), and what the register says about which body
// takes which topic. Loaded once per process and again when a newer model is trained.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/database.ts';
import { NaiveBayes, type ModelCounts } from './naive-bayes.ts';
import * as repo from './routing.repository.ts';

const BASE_FILE = path.join(import.meta.dirname, 'base-model.json');
let base: ModelCounts | undefined;

export function baseModel(): ModelCounts {
  base ??= JSON.parse(fs.readFileSync(BASE_FILE, 'utf8')) as ModelCounts;
  return base;
}

export interface Competence {
  bodyId: string;
  bodyCode: string;
  topicCode: string;
  unitId: string | null;
}

export interface LoadedModel {
  id: string | null;
  topics: NaiveBayes;
  /** triaged appeals per body and topic in the register */
  bodyTopic: Record<string, Record<string, number>>;
  competence: Competence[];
  knownTopics: Set<string>;
  loadedAt: number;
}

const COMPETENCE_TTL_MS = 60_000;
const loaded = new WeakMap<Db, LoadedModel>();

/** The model for this database: reloaded when a newer one was trained, competence re-read each minute. */
export async function currentModel(db: Db): Promise<LoadedModel> {
  const id = await repo.latestModelId(db);
  const have = loaded.get(db);
  if (have && have.id === id && Date.now() - have.loadedAt < COMPETENCE_TTL_MS) return have;
  let topics = have?.topics;
  let bodyTopic = have?.bodyTopic ?? {};
  if (!have || have.id !== id) {
    topics = NaiveBayes.from(baseModel());
    bodyTopic = {};
    if (id !== null) {
      const row = await repo.findModel(db, id);
      if (row) {
        topics.merge(row.topicCounts);
        bodyTopic = row.bodyTopicCounts;
      }
    }
  }
  const [competence, codes] = await Promise.all([repo.competence(db), repo.topicCodes(db)]);
  const model: LoadedModel = { id, topics: topics!, bodyTopic, competence, knownTopics: new Set(codes.map((c) => c.code)), loadedAt: Date.now() };
  loaded.set(db, model);
  return model;
}
