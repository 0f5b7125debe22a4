import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactIdentity, redactUrl } from './log.ts';
import { loggableError } from './edge.ts';

test('the request log keeps the path and the names of the query, never the values', () => {
  assert.equal(redactUrl('/api/v1/appeals?q=%D0%A1%D0%B0%D0%B4%D1%8B%D0%BA%D0%BE%D0%B2%D0%B0&limit=20'), '/api/v1/appeals?q=…&limit=…');
  assert.equal(redactUrl('/api/v1/track/AST-2026-000001?code=K7P2QX'), '/api/v1/track/AST-2026-000001?code=…');
  assert.equal(redactUrl('/api/v1/appeals'), '/api/v1/appeals');
});

test('errors lose e-mails, phones and identity numbers', () => {
  assert.equal(redactIdentity('Key (applicant_iin)=(880516300374) aigerim@example.kz +7 701 123 45 67'), 'Key (applicant_iin)=(***) *** ***');
  const e = loggableError(Object.assign(new Error('duplicate 880516300374'), { code: '23505' }));
  assert.equal(e.message, 'duplicate ***');
  assert.equal(e.code, '23505');
  assert.doesNotMatch(JSON.stringify(e), /880516300374/);
});
