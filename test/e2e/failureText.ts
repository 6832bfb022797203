// What a figure's status line must say after a failure (src/i18n/failures.ts): the sentence for the
// failure's kind in the page's language, then what still works; the engine's English message only in the
// collapsed technical details right after the line.
import type { Locator } from '@playwright/test';
import { expect } from './fixtures';
import { failureMessage, failureStrings, type FailureKind, type Kept } from '../../src/i18n/failures';
import type { BackendFailure } from '../../src/sr/backend';

/** The message for "no backend" when only WebGPU was allowed: without an adapter, or without WebGPU at all. */
export function noWebgpuMessages(lang: 'en' | 'ja', kept: Kept): string[] {
  const reasons: BackendFailure[] = ['no-adapter', 'unsupported'];
  return reasons.map((reason) => failureMessage(lang, { kind: 'no-backend', attempts: [{ name: 'webgpu', ok: false, reason }] }, kept));
}

/** Checks the status line `message`: one of `expected`, marked with `kind`, and the engine's message in collapsed details. */
export async function expectFailure(message: Locator, lang: 'en' | 'ja', kind: FailureKind, expected: string[]): Promise<string> {
  await expect(message).toHaveAttribute('data-failure', kind);
  const text = ((await message.textContent()) ?? '').trim();
  expect(expected, `status line: ${text}`).toContain(text);
  const details = message.locator('xpath=following-sibling::details[1]');
  await expect(details).toHaveAttribute('data-role', 'failure-detail');
  await expect(details.locator('summary')).toHaveText(failureStrings[lang].detailsLabel);
  await expect(details).not.toHaveAttribute('open', /.*/); // collapsed: a secondary detail
  const code = details.locator('code');
  await expect(code).toHaveAttribute('lang', 'en');
  expect(((await code.textContent()) ?? '').length).toBeGreaterThan(5);
  return text;
}
