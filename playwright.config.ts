// Browser tests: Debian's Chromium (never a downloaded browser) against the real platform,
// started by e2e/serve.ts on a throwaway embedded PostgreSQL with demo data and a fixed clock,
// on a free port, serving its own build of the web app.
import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

// A free port, chosen once by the main process; workers inherit it through the environment.
process.env.E2E_PORT ??= execFileSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"], { encoding: 'utf8' }).trim();
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: './node_modules/.bin/node e2e/serve.ts',
    url: `${baseURL}/api/v1/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(port),
      NODE_ENV: 'development',
      // Monday 2 March 2026, 09:00 in Astana: terms are deterministic.
      TYNDAU_NOW: process.env.E2E_NOW ?? '2026-03-02T04:00:00Z',
      LOGIN_RATE_LIMIT: '1000',
      INTAKE_RATE_LIMIT: '1000',
    },
  },
});
