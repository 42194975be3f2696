import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/backend/**/*.test.ts', 'test/team/**/*.test.ts', 'test/electron/**/*.test.ts'],
    environment: 'node',
    // The real WordPress for the sync tests (starts ../shared/wordpress/start.sh when WP_URL is not set).
    globalSetup: ['test/backend/wp-global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // verbose: every test by name, and the reason a test skipped (e.g. no Electron binary here)
    reporters: ['verbose'],
  },
});
