import type { NavEntry } from '../types.js';
import { folderOfPath } from '../url.js';

/**
 * The `{toctree}` directives of an index page (```` ```{toctree} ```` or `:::{toctree}`), as navigation:
 * each entry (`install/index`, `Title <page>`, `/abs/page`) in order, relative to the index page's folder;
 * a toctree whose `:caption:` heads entries of one folder names that folder, and an entry that is a
 * folder's index gives the folder its position. `self`, URLs and `:glob:` patterns are skipped.
 */
const OPEN = /^[ \t]*(`{3,}|~{3,}|:{3,})\{toctree\}[ \t]*$/;

export function readToctrees(indexPath: string, text: string, nav: NavEntry[]): void {
  const folder = folderOfPath(indexPath);
  const lines = text.split('\n');
  let position = 0;
  for (let index = 0; index < lines.length; index++) {
    const open = OPEN.exec(lines[index]!);
    if (!open) continue;
    const fence = open[1]!;
    const targets: string[] = [];
    let caption: string | undefined;
    for (index++; index < lines.length; index++) {
      const line = lines[index]!.trim();
      if (line.startsWith(fence) && line.replace(/[`~:]/g, '') === '') break;
      const option = /^:([\w-]+):(?:[ \t]+(.*))?$/.exec(line);
      if (option) {
        if (option[1] === 'caption') caption = option[2]?.trim();
        continue;
      }
      const target = entryTarget(line, folder);
      if (!target) continue;
      const stem = target.replace(/\.(md|markdown|ipynb|rst)$/i, '');
      const isIndex = /(^|\/)index$/.test(stem);
      position++;
      const title = /^(.*?)\s*<[^<>]+>$/.exec(line)?.[1]?.trim();
      nav.push({ target: `${stem}.md`, position, ...(title && { title }) });
      if (isIndex && stem.includes('/')) nav.push({ target: `${folderOfPath(stem)}/`, position });
      targets.push(stem);
    }
    const folders = new Set(targets.map(folderOfPath));
    const [only] = folders;
    if (caption && folders.size === 1 && only && only !== folder && targets.length > 0) {
      const first = nav.find((entry) => entry.target === `${targets[0]}.md`)?.position ?? position;
      nav.push({ target: `${only}/`, title: caption, position: first });
    }
  }
}

function entryTarget(line: string, folder: string): string | undefined {
  if (line === '' || line === 'self' || line.startsWith('#') || /[*?[]/.test(line)) return undefined;
  const written = (/<([^<>]+)>$/.exec(line)?.[1] ?? line).trim();
  if (/^[a-z][a-z\d+.-]*:/i.test(written)) return undefined;
  const joined = written.startsWith('/')
    ? written.slice(1)
    : folder === ''
      ? written
      : `${folder}/${written}`;
  const out: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/') || undefined;
}
