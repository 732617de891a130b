import type { CalloutKind } from '../callouts.js';

/**
 * Admonition types of the generators (Docusaurus, VitePress, MkDocs Material, Hugo themes, GitBook,
 * Mintlify, just-the-docs) → the five callouts Pylon renders (GitHub's alert kinds).
 */
const CALLOUT_OF: Readonly<Record<string, CalloutKind>> = {
  note: 'note',
  info: 'note',
  information: 'note',
  abstract: 'note',
  summary: 'note',
  tldr: 'note',
  todo: 'note',
  seealso: 'note',
  example: 'note',
  quote: 'note',
  cite: 'note',
  question: 'note',
  help: 'note',
  faq: 'note',
  secondary: 'note',
  primary: 'note',
  default: 'note',
  tip: 'tip',
  hint: 'tip',
  success: 'tip',
  check: 'tip',
  done: 'tip',
  new: 'tip',
  highlight: 'tip',
  idea: 'tip',
  important: 'important',
  warning: 'warning',
  warn: 'warning',
  attention: 'warning',
  caution: 'warning',
  danger: 'caution',
  error: 'caution',
  failure: 'caution',
  fail: 'caution',
  missing: 'caution',
  bug: 'caution',
};

/** GitHub's five kinds keep their own meaning where a generator uses the same word. */
const GITHUB_KINDS: ReadonlySet<string> = new Set(['note', 'tip', 'important', 'warning', 'caution']);

/**
 * The callout for a generator's type, or undefined when the type is not an admonition. Docusaurus and
 * MkDocs use `caution` as a milder `warning` (`cautionIsWarning`); under the GitHub style it stays `caution`.
 */
export function calloutKind(type: string, cautionIsWarning = false): CalloutKind | undefined {
  const name = type.toLowerCase();
  if (name === 'caution' && !cautionIsWarning) return 'caution';
  return CALLOUT_OF[name];
}

/**
 * The title to show: the author's, else the generator's own type name when the callout kind alone would
 * lose it (`bug` shown as a caution callout titled "Bug"); none when the type is one of GitHub's five.
 */
export function defaultTitle(type: string, kind: CalloutKind): string | undefined {
  const name = type.toLowerCase();
  if (name === kind || (GITHUB_KINDS.has(name) && name !== 'caution')) return undefined;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
