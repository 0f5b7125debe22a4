// Production defaults of the configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.ts';

test('demo data: loaded outside production, in production only with TYNDAU_DEMO_DATA=1', () => {
  assert.equal(loadConfig({ NODE_ENV: 'development' }).demoData, true);
  assert.equal(loadConfig({ NODE_ENV: 'development', TYNDAU_DEMO_DATA: '0' }).demoData, false);
  assert.equal(loadConfig({ NODE_ENV: 'production' }).demoData, false);
  assert.equal(loadConfig({ NODE_ENV: 'production', TYNDAU_DEMO_DATA: '1' }).demoData, true);
  assert.throws(() => loadConfig({ NODE_ENV: 'production', TYNDAU_DEMO_DATA: 'yes' }), /TYNDAU_DEMO_DATA must be 0 or 1/);
});

test('a secret key that is not 32 bytes of base64 is refused at start', () => {
  assert.throws(() => loadConfig({ TYNDAU_SECRET_KEY: 'short' }), /TYNDAU_SECRET_KEY must be 32 bytes/);
  assert.equal(loadConfig({ TYNDAU_SECRET_KEY: Buffer.alloc(32, 3).toString('base64') }).secretKey, Buffer.alloc(32, 3).toString('base64'));
});
