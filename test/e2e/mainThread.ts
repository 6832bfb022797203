// Watches the page's main thread from now on: raw long tasks (durations) and the scripts that ran
// inside long animation frames (name, duration). `read()` returns what was seen so far.
import type { Page } from '@playwright/test';

export interface MainThreadLog {
  longTasks: number[];
  scripts: Array<{ name: string; ms: number }>;
}

export async function watchMainThread(page: Page): Promise<{ read: () => Promise<MainThreadLog> }> {
  await page.evaluate(() => {
    const w = window as unknown as { mainThreadLog: MainThreadLog };
    w.mainThreadLog = { longTasks: [], scripts: [] };
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.mainThreadLog.longTasks.push(e.duration))).observe({ type: 'longtask' });
    new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => {
        for (const sc of (e as unknown as { scripts: Array<{ invoker: string; duration: number }> }).scripts) w.mainThreadLog.scripts.push({ name: sc.invoker, ms: sc.duration });
      }),
    ).observe({ type: 'long-animation-frame' });
  });
  return { read: () => page.evaluate(() => (window as unknown as { mainThreadLog: MainThreadLog }).mainThreadLog) };
}
