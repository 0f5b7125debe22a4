// Start: configuration, database (embedded unless DATABASE_URL), migrations, demo data on
// an empty database (not in production), the HTTP server, the delivery worker; a clean stop
// on SIGINT/SIGTERM (the worker finishes the messages in flight and gives back the rest).
import { loadConfig } from './config.ts';
import { createContext } from './context.ts';
import { buildApp } from './app.ts';
import { createDeliveryWorker } from './modules/notify/index.ts';
import { socialReplySender } from './modules/social/index.ts';
import { startSearchUpkeep } from './modules/appeals/index.ts';
import { startEdgeUpkeep } from './edge-upkeep.ts';
import { startSessionPurge } from './modules/auth/index.ts';
import { startKpiUpkeep } from './modules/kpi/index.ts';
import { startCompletenessCheck } from './modules/site/index.ts';
import { resumeRecountJobs } from './modules/deadlines/index.ts';
import { startDiscussionRules } from './modules/drafts/index.ts';
import { startRoutingRetrain } from './modules/routing/index.ts';
import { createExchangeWorker } from './modules/exchange/index.ts';

// A refused setting (TYNDAU_NOW in production, a bad PORT) or a database that cannot start
// is one line that says why, not a stack trace.
const started = await (async () => {
  try {
    const config = loadConfig();
    // Demo accounts have a published password: a production database gets them only with
    // TYNDAU_DEMO_DATA=1 (config.demoData).
    return { config, ...(await createContext(config, { seedDemoIfEmpty: config.demoData, serverLimits: true })) };
  } catch (e) {
    console.error(`Tyndau did not start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
})();
const { config, ctx, close, url } = started;
const app = await buildApp(ctx, { logger: true });
try {
  await app.listen({ port: config.port, host: config.host });
} catch (e) {
  const inUse = (e as { code?: string }).code === 'EADDRINUSE';
  console.error(`Tyndau did not start: ${inUse ? `port ${config.port} is in use (PORT=… chooses another)` : e instanceof Error ? e.message : String(e)}`);
  await app.close();
  await close();
  process.exit(1);
}
console.log(`Tyndau is running on http://localhost:${config.port} (API docs: /api/v1/docs)`);
const delivery = createDeliveryWorker(ctx, { databaseUrl: url, senders: { social: socialReplySender(ctx) }, log: (msg, err) => app.log.warn({ err }, msg) });
await delivery.start();
// The exchange with E-Otinish and eGov: its outbox, the duplicates sweep and the daily reconciliation.
const exchange = createExchangeWorker(ctx, { log: (msg, err) => app.log.warn({ err }, msg) });
exchange.start();
const searchUpkeep = startSearchUpkeep(ctx, (msg, err) => app.log.warn({ err }, msg));
const edgeUpkeep = startEdgeUpkeep(ctx, (msg, err) => app.log.warn({ err }, msg));
const sessionPurge = startSessionPurge(ctx, (msg, err) => app.log.warn({ err }, msg));
const discussionRules = startDiscussionRules(ctx, (msg, err) => app.log.warn({ err }, msg));
const routingRetrain = startRoutingRetrain(ctx, (msg, err) => app.log.warn({ err }, msg));
const kpiUpkeep = startKpiUpkeep(ctx, (msg, err) => app.log.warn({ err }, msg));
// Each body's page is checked for completeness once an hour (one row per body and day).
const stopCompletenessCheck = startCompletenessCheck(ctx);
// A recount of terms left half-way by a stopped process resumes now (and from the sweep).
void resumeRecountJobs(ctx, (msg, err) => app.log.warn({ err }, msg));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    // A clean stop has a deadline: requests and sends that do not finish by then are cut off
    // (what they had not committed is not acknowledged; a claimed message's lease brings it back).
    setTimeout(() => {
      console.error(`Tyndau: clean stop took longer than ${config.limits.shutdownMs} ms; exiting`);
      process.exit(1);
    }, config.limits.shutdownMs).unref();
    await app.close();
    await delivery.stop();
    await exchange.stop();
    await searchUpkeep.stop();
    stopCompletenessCheck();
    await edgeUpkeep.stop();
    await sessionPurge.stop();
    await discussionRules.stop();
    await routingRetrain.stop();
    await kpiUpkeep.stop();
    await close();
    process.exit(0);
  });
}
