// Start: configuration, database (embedded unless DATABASE_URL), migrations, demo data on
// an empty database (not in production), the HTTP server, the delivery worker; a clean stop
// on SIGINT/SIGTERM (the worker finishes the messages in flight and gives back the rest).
import { loadConfig } from './config.ts';
import { createContext } from './context.ts';
import { buildApp } from './app.ts';
import { createDeliveryWorker } from './modules/notify/index.ts';

const config = loadConfig();
// Demo accounts have a published password: never load them into a production database.
const { ctx, close, url } = await createContext(config, { seedDemoIfEmpty: config.env !== 'production' });
const app = await buildApp(ctx, { logger: true });
await app.listen({ port: config.port, host: config.host });
console.log(`Tyndau is running on http://localhost:${config.port} (API docs: /api/v1/docs)`);
const delivery = createDeliveryWorker(ctx, { databaseUrl: url, log: (msg, err) => app.log.warn({ err }, msg) });
await delivery.start();

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await delivery.stop();
    await close();
    process.exit(0);
  });
}
