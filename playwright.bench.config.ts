// Browser benchmarks (test/bench): the e2e set-up (built site under the sub-path, Chromium with WebGPU on
// SwiftShader), other files. They print figures and assert nothing; `npm test` does not run them.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({ ...base, testDir: './test/bench', testMatch: '**/*.bench.ts' });
