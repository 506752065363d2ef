import { defineConfig } from 'vitest/config';
import { inertVendorAliases } from './scripts/inert-vendor-html.ts';

export default defineConfig({
  // The unit tests run the libraries as the extension bundles them (see the script).
  resolve: { alias: inertVendorAliases() },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'jsdom',
  },
});
