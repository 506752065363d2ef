import { defineConfig } from 'vitest/config';

// The corpus benchmark is slow (88 real pages in jsdom), so it lives outside
// the default unit run: `npx vitest run --config test/bench/vitest.config.ts`.
// It reads Readability and DOMPurify as published, without the build's
// innerHTML rewrite (scripts/inert-vendor-html.ts), whose DOMParser a Node
// environment lacks; test/unit/inert-vendor-html.test.ts shows both read
// pages alike.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 900_000,
  },
});
