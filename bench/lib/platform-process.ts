// The platform as the benchmarks run it: the same context and app as main.ts, in a child
// process of its own (so the load generator does not share its event loop), with request
// logging off; the search indexes' upkeep as main.ts runs it, the outbox's delivery worker
// only with BENCH_DELIVERY=1. Tells the parent its port over IPC once it listens.
import { loadConfig } from '../../apps/server/src/config.ts';
import { createContext } from '../../apps/server/src/context.ts';
import { buildApp } from '../../apps/server/src/app.ts';
import { createDeliveryWorker } from '../../apps/server/src/modules/notify/index.ts';
import { startSearchUpkeep } from '../../apps/server/src/modules/appeals/index.ts';
import { createExchangeWorker } from '../../apps/server/src/modules/exchange/index.ts';

// The API only: the web app's build (if any) is not served.
const config = { ...loadConfig(), webDist: '/nonexistent' };
const { ctx, close, url } = await createContext(config, { seedDemoIfEmpty: true, serverLimits: true });
const app = await buildApp(ctx, { logger: false });
// As main.ts runs it, when asked: with no mail or SMS server configured, messages end 'held'.
const delivery = process.env.BENCH_DELIVERY === '1' ? createDeliveryWorker(ctx, { databaseUrl: url, log: process.env.BENCH_LOG === '1' ? (msg, err) => console.error(`[delivery] ${msg}`, err ?? '') : () => {} }) : undefined;
await delivery?.start();
// The exchange worker as main.ts runs it, when asked (bench/exchange.ts).
const exchange = process.env.BENCH_EXCHANGE === '1' ? createExchangeWorker(ctx, { log: (msg, err) => console.error(`[exchange] ${msg}`, err ?? '') }) : undefined;
exchange?.start();
// As main.ts runs it: the search indexes' pending lists merged away from intake.
const searchUpkeep = startSearchUpkeep(ctx, () => {});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });

process.on('message', async (m) => {
  if (m !== 'stop') return;
  await app.close();
  await delivery?.stop();
  await exchange?.stop();
  await searchUpkeep.stop();
  await close();
  process.exit(0);
});
