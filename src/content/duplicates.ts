import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Something with a value that must be unique, and where it was written. */
export interface Claim {
  /** Compared for equality. */
  value: string;
  /** Shown in the message instead of `value`, when they differ. */
  label?: string;
  file: string;
  line?: number;
}

export interface DuplicateRule {
  code: string;
  /** "key", "slug", ... */
  noun: string;
  /** The frontmatter field that sets the value. */
  field: string;
  /** Why the value must be unique. */
  reason: string;
  hint: string;
  /** Default `error`. A `warning` when the generator tolerates the clash (the first claim wins). */
  severity?: 'error' | 'warning';
}

/**
 * One error for each claim whose value an earlier claim already took, naming both places. Claims are
 * judged in the order given, so the first file (in path order) keeps its value.
 */
export function findDuplicates(claims: readonly Claim[], rule: DuplicateRule): Diagnostic[] {
  const first = new Map<string, Claim>();
  const diagnostics: Diagnostic[] = [];
  for (const claim of claims) {
    const earlier = first.get(claim.value);
    if (!earlier) {
      first.set(claim.value, claim);
      continue;
    }
    diagnostics.push({
      severity: rule.severity ?? 'error',
      code: rule.code,
      message: `The ${rule.noun} "${claim.label ?? claim.value}" is used by ${place(earlier)} and ${place(claim)}; ${rule.reason}.`,
      file: claim.file,
      ...(claim.line !== undefined && { line: claim.line }),
      field: rule.field,
      hint: rule.hint,
    });
  }
  return diagnostics;
}

function place(claim: Claim): string {
  return claim.line === undefined ? claim.file : `${claim.file}:${claim.line}`;
}
