// Chaos under load (bench/lib/chaos.ts), bounded for CI: kill -9 of the platform, kill -9 of
// PostgreSQL and the register locked for 30 s, with citizens posting appeals throughout.
// Every acknowledged appeal must be in the register, each fault must heal by itself, and a
// locked register must answer within 10 s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChaos } from '../../../bench/lib/chaos.ts';

test('kill -9 of the platform, kill -9 of PostgreSQL, a 30 s lock: nothing acknowledged is lost, each heals', { timeout: 240_000 }, async () => {
  const report = await runChaos({ clients: 6, loadSeconds: 2, lockSeconds: 30 });
  assert.ok(report.acknowledged > 50, `acknowledged ${report.acknowledged}`);
  assert.equal(report.committed, report.acknowledged, 'every acknowledged appeal is committed');
  assert.equal(report.phases.length, 3);
  for (const p of report.phases) {
    assert.ok(p.recoveryMs >= 0 && p.recoveryMs < 20_000, `${p.fault}: recovered in ${p.recoveryMs} ms`);
  }
  const lock = report.phases[2]!;
  assert.ok(lock.slowestAnswerMs < 10_000, `locked register: slowest answer ${lock.slowestAnswerMs} ms`);
  assert.ok((lock.statuses['503'] ?? 0) > 0, 'the locked register answered 503');
  // While PostgreSQL was down the platform kept answering (503), neither hanging nor crashing.
  assert.equal(report.phases[1]!.statuses['0'] ?? 0, 0, 'every request had an answer');
  assert.ok((report.phases[1]!.statuses['503'] ?? 0) > 0);
});
