// Watches the page's main thread from now on: raw long tasks (durations) and the scripts that ran
// inside long animation frames (name, duration). `interaction(action)` runs one reader action and records
// its time window (until 100 ms after the next frame: the redraw it causes); `read()` returns what was seen
// so far, with the long tasks that began inside such a window apart, so that page-load work that happens
// to run meanwhile (layout, decoding the rest of the page's images) is not counted as the interaction's.
import type { Page } from '@playwright/test';

export interface MainThreadLog {
  longTasks: number[];
  /** Durations of the long tasks that began inside an `interaction` window. */
  interactionLongTasks: number[];
  scripts: Array<{ name: string; ms: number }>;
}

export interface MainThreadWatch {
  interaction: (action: () => Promise<void>) => Promise<void>;
  read: () => Promise<MainThreadLog>;
}

interface PageLog {
  longTasks: Array<{ start: number; ms: number }>;
  windows: Array<[number, number]>;
  scripts: Array<{ name: string; ms: number }>;
}

export async function watchMainThread(page: Page): Promise<MainThreadWatch> {
  await page.evaluate(() => {
    const w = window as unknown as { mainThreadLog: PageLog };
    w.mainThreadLog = { longTasks: [], windows: [], scripts: [] };
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.mainThreadLog.longTasks.push({ start: e.startTime, ms: e.duration }))).observe({ type: 'longtask' });
    new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => {
        for (const sc of (e as unknown as { scripts: Array<{ invoker: string; duration: number }> }).scripts) w.mainThreadLog.scripts.push({ name: sc.invoker, ms: sc.duration });
      }),
    ).observe({ type: 'long-animation-frame' });
  });
  return {
    interaction: async (action) => {
      const t0 = await page.evaluate(() => performance.now());
      await action();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
      const t1 = await page.evaluate(() => performance.now());
      await page.evaluate(([a, b]) => (window as unknown as { mainThreadLog: PageLog }).mainThreadLog.windows.push([a, b]), [t0, t1] as const);
    },
    read: () =>
      page.evaluate(() => {
        const { longTasks, windows, scripts } = (window as unknown as { mainThreadLog: PageLog }).mainThreadLog;
        const inWindow = (t: { start: number }) => windows.some(([a, b]) => t.start >= a && t.start <= b);
        return { longTasks: longTasks.map((t) => t.ms), interactionLongTasks: longTasks.filter(inWindow).map((t) => t.ms), scripts };
      }),
  };
}
