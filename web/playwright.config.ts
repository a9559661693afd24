import { defineConfig } from '@playwright/test';

/**
 * Browser tests: Debian's Chromium (no browser download) driving the built web app, served with the real API,
 * PostgreSQL, Redis and worker by e2e/global-setup.ts on a copy of the seeded test database. Run by `npm test`.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.e2e.ts',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: process.env.GPMB_BROWSER_JSON
    ? [['list'], ['json', { outputFile: process.env.GPMB_BROWSER_JSON }]]
    : [['list']],
  use: {
    baseURL: process.env.GPMB_WEB_URL,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // The machine's network is closed: Chromium's background services would only fail, many at a time.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
