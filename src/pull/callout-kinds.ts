import { CALLOUT_KINDS, type CalloutKind } from '../markdown/callouts.js';

/** Words editors use for callout types, mapped to the alert kinds pylon-kb renders. */
const SYNONYMS: Record<string, CalloutKind> = {
  info: 'note',
  information: 'note',
  success: 'tip',
  hint: 'tip',
  warn: 'warning',
  danger: 'caution',
  error: 'caution',
};

function kindOf(word: string): CalloutKind | null {
  const lower = word.toLowerCase();
  if ((CALLOUT_KINDS as readonly string[]).includes(lower)) return lower as CalloutKind;
  return SYNONYMS[lower] ?? null;
}

/**
 * The callout kind of an element: pylon-kb's own `class="callout callout-note"`, or an editor's
 * `data-callout-type="info"` / `data-type="warning"` on an element with the `callout` class.
 */
export function calloutKind(properties: Record<string, unknown>): CalloutKind | null {
  const classes = Array.isArray(properties.className) ? properties.className.map(String) : [];
  for (const name of classes) {
    const match = /^callout-(\w+)$/.exec(name);
    const kind = match?.[1] ? kindOf(match[1]) : null;
    if (kind) return kind;
  }
  const declared = properties.dataCalloutType ?? properties.dataCallout ?? properties.dataType;
  if (typeof declared === 'string' && (classes.includes('callout') || properties.dataCallout !== undefined)) {
    return kindOf(declared) ?? 'note';
  }
  return classes.includes('callout') ? 'note' : null;
}
