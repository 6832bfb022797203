// A figure's status line when something fails (widget conventions, rule 3): the main text is a sentence
// in the page's language chosen from the error's code (src/i18n/failures.ts); the engine's own English
// message follows as a collapsed "Technical details" / 「技術的な詳細」 element right after the line,
// marked lang="en". Every later status text goes through `setStatus`, which removes those details again.
import { classifyFailure, failureMessage, failureStrings, type Failure, type Kept } from '../i18n/failures';

type Lang = 'en' | 'ja';

const DETAIL_ROLE = 'failure-detail';

function detailsOf(message: HTMLElement): HTMLDetailsElement | null {
  const next = message.nextElementSibling;
  return next instanceof HTMLDetailsElement && next.dataset.role === DETAIL_ROLE ? next : null;
}

/** Sets the status line to `text`, dropping the technical details of an earlier failure. */
export function setStatus(message: HTMLElement, text: string): void {
  message.textContent = text;
  delete message.dataset.failure;
  detailsOf(message)?.remove();
}

/** Shows the engine's message, collapsed, right after the status line (created once, then updated). */
export function showDetail(message: HTMLElement, lang: Lang, detail: string): void {
  let details = detailsOf(message);
  if (!details) {
    details = document.createElement('details');
    details.dataset.role = DETAIL_ROLE;
    details.className = 'failure-detail';
    Object.assign(details.style, { margin: '0.25rem 0 0', fontSize: '0.8125rem', overflowWrap: 'anywhere' });
    const code = document.createElement('code');
    code.lang = 'en';
    details.append(document.createElement('summary'), code);
    message.after(details);
  }
  details.querySelector('summary')!.textContent = failureStrings[lang].detailsLabel;
  details.querySelector('code')!.textContent = detail;
}

/**
 * Tells the reader that `err` happened: its sentence in `lang`, then what still works (`kept`), optionally
 * wrapped by `compose` (e.g. a figure's own lead-in); the engine's message in the details. Sets
 * `data-failure="<kind>"` on the status line for tests. Returns the classified failure.
 */
export function showFailure(message: HTMLElement, lang: Lang, err: unknown, kept: Kept, compose?: (text: string) => string): Failure {
  const failure = classifyFailure(err);
  const text = failureMessage(lang, failure, kept);
  setStatus(message, compose ? compose(text) : text);
  message.dataset.failure = failure.kind;
  showDetail(message, lang, failure.detail);
  return failure;
}
