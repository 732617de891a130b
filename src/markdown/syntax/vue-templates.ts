import type { SourceLine } from './lines.js';
import { type Range, rewriteText } from './rewrite.js';
import { type ScanContext, warn } from './scan-context.js';

/**
 * Vue's `<template>` in a VitePress page. With a slot (`<template #title>`, `<template v-slot:lead>`) its
 * content is what the component shows in that slot; with `v-if` / `v-else` / `v-for` it is a fragment Vue
 * renders (conditionally, or once per item). Either way readers see its content, so it becomes a `<div>`
 * holding it (an HTML parser would keep a `<template>`'s content out of the page). A conditional or a loop
 * is published once, as written, with a warning. A plain `<template>` (no directive) stays inert HTML.
 */
export const VUE_TEMPLATE_SYNTAX = /<template\s[^>]*(?:#|v-slot|v-if|v-else|v-for)/;

const TEMPLATE_TAG = /<template(\s[^>]*)?>|<\/template\s*>/g;
const SLOT = /(?:^|\s)(?:#[\w-]*|v-slot\b)/;
const LOGIC = /(?:^|\s)(v-if|v-else-if|v-else|v-for)\b/;

export function unwrapVueTemplates(
  lines: readonly SourceLine[],
  context: ScanContext,
  codeRanges: readonly Range[],
): SourceLine[] {
  // For each open <template>, whether it was turned into a <div> (its closing tag then is too).
  const open: boolean[] = [];
  return rewriteText(
    lines,
    TEMPLATE_TAG,
    (match, line, inCode) => {
      if (inCode) return null;
      if (match[0].startsWith('</')) return open.pop() ? '</div>' : null;
      const attributes = match[1] ?? '';
      const logic = LOGIC.exec(attributes)?.[1];
      const shown = logic !== undefined || SLOT.test(attributes);
      open.push(shown);
      if (!shown) return null;
      if (logic)
        warn(
          context,
          line,
          'markdown/vue-logic-not-evaluated',
          `The Vue ${logic} on <template> is not evaluated: its content is published once, as written.`,
          'Pylon articles are static: keep only the text readers should see.',
        );
      return '<div>';
    },
    codeRanges,
  );
}
