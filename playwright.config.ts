// End-to-end tests: the built site (dist/, built with SITE_BASE=/super-resolution/) served by
// scripts/serve-static.mjs under that sub-path, driven by headless Chromium with WebGPU running
// on SwiftShader (Vulkan on the CPU), so the WebGPU code path is exercised without a GPU.
import { defineConfig } from '@playwright/test';
import { chromiumExecutable, WEBGPU_ON_SWIFTSHADER } from './test/e2e/browser';
import { BASE_PATH, ORIGIN } from './test/e2e/site';

const port = Number(new URL(ORIGIN).port);
/** The built site to serve; E2E_DIST lets a build elsewhere be tested without touching dist/. */
const dist = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: './test/e2e',
  testMatch: '**/*.spec.ts',
  // Two CPU cores and a software GPU: one browser at a time keeps timings predictable.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: ORIGIN + BASE_PATH,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: WEBGPU_ON_SWIFTSHADER,
    },
    navigationTimeout: 60_000,
    actionTimeout: 30_000,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node scripts/serve-static.mjs --root ${dist} --base ${BASE_PATH} --port ${port}`,
    url: ORIGIN + BASE_PATH,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
