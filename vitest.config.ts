import { defineConfig } from 'vitest/config';

/**
 * One vitest project per test layer, so a developer can run one:
 * `npx vitest run --project unit` (or integration, infra, e2e).
 */
export default defineConfig({
  test: {
    // Two files at a time, even on two cores: an e2e or integration file spends most of its time waiting for
    // DynamoDB Local's or Chromium's own processes (one at a time: 19 minutes on two cores; two: under 14 and a half).
    maxWorkers: 2,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      CDK_VALIDATION: 'false',
      // Domain events stay in memory for the tests to read; a file or test that wants another mode sets it.
      NOTIFY_MODE: 'memory',
    },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], setupFiles: ['test/unit/setup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/support/global-setup.ts'],
          setupFiles: ['test/integration/support/per-file-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Checks for Chromium, builds web/ if stale, starts one local stack (DynamoDB Local, seed, gateway) for every file.
          globalSetup: ['test/e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
