import { defineConfig } from 'vitest/config';

/**
 * The end-to-end tests: the built extension (dist/) in real Chromium and
 * Firefox ESR, driven by puppeteer-core. Run `node scripts/build.mjs` first.
 * One browser at a time: files run one after another, and each describe
 * block launches its browser in beforeAll and closes it in afterAll.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // A browser that crashed is not retried into a pass.
    retry: 0,
  },
});
