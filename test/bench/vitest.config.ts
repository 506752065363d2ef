import { defineConfig } from 'vitest/config';

// The corpus benchmark is slow (88 real pages in jsdom), so it lives outside
// the default unit run: `npx vitest run --config test/bench/vitest.config.ts`.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 900_000,
  },
});
