// Which Chromium the end-to-end tests launch, and with which flags.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Playwright's own Chromium when it is installed (undefined: Playwright finds it), else the system one. */
export function chromiumExecutable(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined;
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(path)) return path;
  }
  return undefined;
}

// Verified with Chromium 156 headless on a machine without a GPU: navigator.gpu.requestAdapter()
// returns a SwiftShader adapter (vendor "google", architecture "swiftshader") and tfjs
// setBackend('webgpu') succeeds. Without --use-webgpu-adapter=swiftshader there is no adapter.
// (WebGPU needs a secure context: http://127.0.0.1 is one, a data: URL is not.)
export const WEBGPU_ON_SWIFTSHADER = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-webgpu-adapter=swiftshader',
  '--use-angle=swiftshader',
  '--ignore-gpu-blocklist',
];
