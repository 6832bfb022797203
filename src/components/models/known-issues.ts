// What is not good yet, per model. Kept next to the page rather than in the cards because it is a judgement
// made by looking at outputs (results.md), not a measurement the export writes.
//  - `visual` issues name the weights they were seen on (sha256 prefix): when a model is retrained its hash
//    changes, the note is dropped from the page and the build prints a warning so someone looks again.
//  - `below-target` issues are checked against the card's metrics on every build.
import type { ModelCard } from './zoo-data';

export type IssueKind = 'checkerboard' | 'below-target';

export interface KnownIssue {
  id: string;
  kind: IssueKind;
  /** sha256 prefix of the weights the problem was seen on (visual issues). */
  seenOn?: string;
  /** Set5 / Set14 PSNR target in dB (below-target issues). */
  target?: { set5: number; set14: number };
}

export const KNOWN_ISSUES: KnownIssue[] = [
  { id: 'rrdb_psnr', kind: 'below-target', target: { set5: 31.5, set14: 28.0 } },
];

/** The issues that still apply to the given cards. */
export function activeIssues(cards: ModelCard[], issues: KnownIssue[] = KNOWN_ISSUES): KnownIssue[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  return issues.filter((issue) => {
    const card = byId.get(issue.id);
    if (!card) return false;
    if (issue.kind === 'below-target') {
      const m = card.metrics;
      return !!m && !!issue.target && (m.set5.psnr < issue.target.set5 || m.set14.psnr < issue.target.set14);
    }
    if (issue.seenOn && !card.weights.sha256.startsWith(issue.seenOn)) {
      console.warn(
        `[models page] ${issue.id}: weights changed since the "${issue.kind}" note was written; ` +
          'look at the new outputs and update src/components/models/known-issues.ts',
      );
      return false;
    }
    return true;
  });
}
