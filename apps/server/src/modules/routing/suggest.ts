// Suggest the topic and the competent body (and unit) for an appeal's text.
//
// Topic: the naive Bayes posterior over the taxonomy. Body: for each likely topic, how the
// register has shared that topic among bodies (triaged appeals), with every competent body
// (body_topic, a parent code covering its children) counted as COMPETENT_PRIOR appeals so a
// fresh register still names the bodies that may take it:
//   P(body | text) = Σ_topic P(topic | text) · P(body | topic).
import type { LoadedModel } from './model.ts';

const COMPETENT_PRIOR = 2;
const TOPIC_DEPTH = 10; // topics considered for the bodies

export interface Suggestion {
  topics: Array<{ code: string; confidence: number }>;
  bodies: Array<{ id: string; code: string; confidence: number; unitId: string | null }>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const parentOf = (code: string) => (code.includes('.') ? code.slice(0, code.indexOf('.')) : code);

export function suggestFor(model: LoadedModel, text: string, limit = 5): Suggestion {
  const topics = model.topics.predict(text, TOPIC_DEPTH * 2).filter((t) => model.knownTopics.has(t.label)).slice(0, TOPIC_DEPTH);
  const total = topics.reduce((s, t) => s + t.confidence, 0) || 1;
  const bodyScore = new Map<string, { id: string; code: string; score: number; unit: { id: string | null; weight: number } }>();
  for (const t of topics) {
    const p = t.confidence / total;
    const weights = new Map<string, { code: string; w: number; unitId: string | null }>();
    for (const c of model.competence) {
      if (c.topicCode !== t.label && c.topicCode !== parentOf(t.label)) continue;
      const w = weights.get(c.bodyId);
      // A unit named for the exact topic beats one named for its parent.
      const unitId = c.topicCode === t.label ? (c.unitId ?? w?.unitId ?? null) : (w?.unitId ?? c.unitId);
      weights.set(c.bodyId, { code: c.bodyCode, w: COMPETENT_PRIOR, unitId });
    }
    for (const [bodyId, byTopic] of Object.entries(model.bodyTopic)) {
      const n = byTopic[t.label] ?? 0;
      if (n === 0) continue;
      const w = weights.get(bodyId);
      if (w) w.w += n;
      else {
        const code = model.competence.find((c) => c.bodyId === bodyId)?.bodyCode;
        if (code) weights.set(bodyId, { code, w: n, unitId: null });
      }
    }
    const sum = [...weights.values()].reduce((s, w) => s + w.w, 0);
    for (const [bodyId, w] of weights) {
      const share = (p * w.w) / sum;
      const b = bodyScore.get(bodyId) ?? { id: bodyId, code: w.code, score: 0, unit: { id: null, weight: 0 } };
      b.score += share;
      if (w.unitId && share > b.unit.weight) b.unit = { id: w.unitId, weight: share };
      bodyScore.set(bodyId, b);
    }
  }
  const bodies = [...bodyScore.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)).slice(0, limit);
  return {
    topics: topics.slice(0, limit).map((t) => ({ code: t.label, confidence: round(t.confidence) })),
    bodies: bodies.map((b) => ({ id: b.id, code: b.code, confidence: round(b.score), unitId: b.unit.id })),
  };
}
