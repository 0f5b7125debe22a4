// Start: configuration, database (embedded unless DATABASE_URL), migrations, demo data on
// an empty database (not in production), the HTTP server; a clean stop on SIGINT/SIGTERM.
import { loadConfig } from './config.ts';
import { createContext } from './context.ts';
import { buildApp } from './app.ts';

const config = loadConfig();
// Demo accounts have a published password: never load them into a production database.
const { ctx, close } = await createContext(config, { seedDemoIfEmpty: config.env !== 'production' });
const app = await buildApp(ctx, { logger: true });
await app.listen({ port: config.port, host: config.host });
console.log(`Tyndau is running on http://localhost:${config.port} (API docs: /api/v1/docs)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await close();
    process.exit(0);
  });
}
