import type { Parent, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * pymdownx `keys`: `++ctrl+alt+del++` names a key combination. Pylon keeps no `<kbd>`, so it becomes
 * inline code with the keys' names as the extension shows them (`Ctrl+Alt+Del`). Code is never touched.
 */
const KEYS = /\+\+([a-z0-9][\w-]*(?:\+[\w-]+)*)\+\+/gi;
export const KEYS_SYNTAX = /\+\+[a-z0-9][\w-]*(?:\+[\w-]+)*\+\+/i;

const NAMES: Readonly<Record<string, string>> = {
  ctrl: 'Ctrl',
  control: 'Ctrl',
  alt: 'Alt',
  option: 'Option',
  shift: 'Shift',
  cmd: 'Cmd',
  command: 'Cmd',
  meta: 'Meta',
  windows: 'Win',
  win: 'Win',
  fn: 'Fn',
  enter: 'Enter',
  return: 'Return',
  esc: 'Esc',
  escape: 'Esc',
  tab: 'Tab',
  space: 'Space',
  del: 'Del',
  delete: 'Del',
  backspace: 'Backspace',
  insert: 'Ins',
  ins: 'Ins',
  home: 'Home',
  end: 'End',
  'page-up': 'Page Up',
  'page-down': 'Page Down',
  'arrow-up': 'Up',
  'arrow-down': 'Down',
  'arrow-left': 'Left',
  'arrow-right': 'Right',
};

/** A key's name: the extension's for the known ones, `F5`, `A`, otherwise its words capitalised. */
export function keyName(key: string): string {
  const lower = key.toLowerCase();
  const known = NAMES[lower];
  if (known) return known;
  if (/^[a-z0-9]$/.test(lower) || /^f\d{1,2}$/.test(lower)) return lower.toUpperCase();
  return lower.replace(
    /(^|-)([a-z])/g,
    (_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`,
  );
}

export function replaceKeys(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    if (!parent.children.some((c) => c.type === 'text' && KEYS_SYNTAX.test(c.value))) return;
    parent.children = (parent.children as PhrasingContent[]).flatMap((child) => {
      if (child.type !== 'text' || !KEYS_SYNTAX.test(child.value)) return [child];
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const match of child.value.matchAll(KEYS)) {
        const at = match.index ?? 0;
        if (at > last) parts.push({ type: 'text', value: child.value.slice(last, at) });
        parts.push({ type: 'inlineCode', value: (match[1] ?? '').split('+').map(keyName).join('+') });
        last = at + match[0].length;
      }
      if (last < child.value.length) parts.push({ type: 'text', value: child.value.slice(last) });
      return parts;
    }) as Parent['children'];
  });
}
