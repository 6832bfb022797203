import { defineConfig } from 'vitest/config';

// Unit tests run in Node on the TensorFlow.js CPU backend; browser tests live under test/e2e (Playwright).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
