/**
 * A realistic generated docs tree for the benchmarks: a Hugo-style help center (sections with `_index.md`,
 * nested folders, order keys, descriptions, authors), articles of varied length with the constructs help-center
 * writers use (steps, tables, code, GitHub alerts, links between articles, a few images), and raw HTML in
 * a minority of documents only, as in real trees. Deterministic: the same seed writes the same bytes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
// The emulator's seeded PRNG (mulberry32), so the corpus is the same on every machine.
import { prng } from '../src/emulator/faults.js';

const NOUNS = [
  'workspace',
  'project',
  'board',
  'task',
  'integration',
  'webhook',
  'token',
  'invoice',
  'member',
  'role',
  'automation',
  'template',
  'report',
  'dashboard',
  'notification',
  'export',
  'import',
  'field',
  'view',
  'label',
];
const VERBS = [
  'create',
  'configure',
  'rename',
  'archive',
  'share',
  'connect',
  'export',
  'restore',
  'invite',
  'review',
];
const WORDS = (
  'the a your each every this that when then after before with without from into only also settings page menu ' +
  'select open choose save changes team admin owner people access default option value list search filter sort ' +
  'sync update minutes hours plan billing account sign security audit history version draft publish'
).split(' ');
const SECTIONS = [
  'getting-started',
  'guides',
  'integrations',
  'account-and-billing',
  'administration',
  'troubleshooting',
  'api',
  'reference',
];

export interface CorpusDoc {
  path: string;
  text: string;
}

interface Picker {
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function picker(random: () => number): Picker {
  return {
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    pick: (items) => items[Math.floor(random() * items.length)] as (typeof items)[number],
    chance: (p) => random() < p,
  };
}

function sentence(p: Picker, words = p.int(8, 22)): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const roll = p.int(0, 30);
    const word = roll < 3 ? p.pick(NOUNS) : p.pick(WORDS);
    if (roll === 4) out.push(`**${word}**`);
    else if (roll === 5) out.push(`_${word}_`);
    else if (roll === 6) out.push(`\`${word}-${p.int(1, 99)}\``);
    else out.push(word);
  }
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(p: Picker, links: readonly string[]): string {
  const sentences = Array.from({ length: p.int(2, 5) }, () => sentence(p));
  if (links.length > 0 && p.chance(0.35)) {
    sentences.splice(p.int(0, sentences.length), 0, `See [${p.pick(NOUNS)} settings](${p.pick(links)}).`);
  }
  if (p.chance(0.15))
    sentences.push(`Read more in the [changelog](https://example.com/changelog/${p.int(1, 400)}).`);
  return sentences.join(' ');
}

function block(p: Picker, links: readonly string[], i: number): string {
  const roll = p.int(0, 19);
  if (roll < 3)
    return Array.from({ length: p.int(3, 7) }, (_, n) => `${n + 1}. ${sentence(p, p.int(5, 12))}`).join('\n');
  if (roll < 6) return Array.from({ length: p.int(2, 6) }, () => `- ${sentence(p, p.int(3, 10))}`).join('\n');
  if (roll === 6) {
    const rows = Array.from(
      { length: p.int(2, 6) },
      () => `| ${p.pick(NOUNS)} | ${p.pick(['On', 'Off', 'Admins only'])} | ${sentence(p, p.int(3, 7))} |`,
    );
    return ['| Setting | Default | Notes |', '| :--- | :---: | :--- |', ...rows].join('\n');
  }
  if (roll === 7) {
    const lang = p.pick(['bash', 'json', 'yaml']);
    const body =
      lang === 'json'
        ? `{\n  "${p.pick(NOUNS)}": ${i},\n  "enabled": true\n}`
        : lang === 'yaml'
          ? `${p.pick(NOUNS)}:\n  id: ${i}\n  enabled: true`
          : `acme ${p.pick(VERBS)} ${p.pick(NOUNS)} --id ${i}`;
    return `\`\`\`${lang}\n${body}\n\`\`\``;
  }
  if (roll === 8) return `> [!${p.pick(['NOTE', 'TIP', 'WARNING', 'IMPORTANT'])}]\n> ${sentence(p)}`;
  return paragraph(p, links);
}

function titleCase(words: string): string {
  return words.replace(/(^|\s)\S/g, (c) => c.toUpperCase());
}

function article(p: Picker, i: number, siblings: readonly string[]): string {
  const title = titleCase(`${p.pick(VERBS)} a ${p.pick(NOUNS)} ${i}`);
  const links = siblings.map((s) => `./${s}`);
  const lines = [
    '---',
    `title: "${title}"`,
    `description: ${JSON.stringify(sentence(p, p.int(6, 14)).replace(/[*_`]/g, ''))}`,
    `order: ${p.int(1, 50)}`,
    ...(p.chance(0.2) ? ['author: ada@acme.test'] : []),
    '---',
    '',
    paragraph(p, links),
    '',
  ];
  for (let h = 0, headings = p.int(1, 5); h < headings; h++) {
    lines.push(`## ${titleCase(`${p.pick(VERBS)} the ${p.pick(NOUNS)}`)} ${h + 1}`, '');
    for (let b = 0, blocks = p.int(1, 4); b < blocks; b++) lines.push(block(p, links, i), '');
    if (p.chance(0.3)) {
      lines.push(`### ${titleCase(p.pick(NOUNS))} details`, '', paragraph(p, links), '');
    }
  }
  // A minority of real documents carry raw HTML: a superscript, a line break, a collapsed section.
  if (p.chance(0.08)) {
    lines.push(
      p.pick([
        `Up to 10<sup>6</sup> ${p.pick(NOUNS)}s per workspace.`,
        `First line<br>second line of the ${p.pick(NOUNS)} note.`,
        `<details>\n<summary>Advanced ${p.pick(NOUNS)} options</summary>\n\n${sentence(p)}\n\n</details>`,
      ]),
      '',
    );
  }
  if (p.chance(0.05))
    lines.push(`![Screenshot of the ${p.pick(NOUNS)} page](https://example.com/img/${i}.png)`, '');
  return lines.join('\n');
}

/**
 * `count` articles in sections of 25–150 (some with sub-folders), each with a Hugo `_index.md`.
 * Relative links point only at articles that exist, so the tree loads without link diagnostics.
 */
export function generateCorpus(count: number, seed = 20261201): CorpusDoc[] {
  const p = picker(prng(seed));
  const docs: CorpusDoc[] = [];
  let made = 0;
  for (let s = 0; made < count; s++) {
    const section = `${SECTIONS[s % SECTIONS.length]}${s >= SECTIONS.length ? `-${Math.floor(s / SECTIONS.length)}` : ''}`;
    const size = Math.min(count - made, p.int(25, 150));
    const sub = p.chance(0.5) ? `${p.pick(NOUNS)}s` : null;
    docs.push({
      path: `${section}/_index.md`,
      text: `---\ntitle: "${titleCase(section.replace(/-/g, ' '))}"\ndescription: "${titleCase(section.replace(/-/g, ' '))} articles"\norder: ${s + 1}\n---\n`,
    });
    if (sub)
      docs.push({ path: `${section}/${sub}/_index.md`, text: `---\ntitle: "${titleCase(sub)}"\n---\n` });
    const names = Array.from({ length: size }, (_, n) => `${p.pick(VERBS)}-${p.pick(NOUNS)}-${made + n}.md`);
    names.forEach((name, n) => {
      const inSub = sub !== null && n % 3 === 2;
      const siblings = names
        .filter((other, m) => other !== name && (sub !== null && m % 3 === 2) === inSub)
        .slice(0, 6);
      docs.push({
        path: inSub ? `${section}/${sub}/${name}` : `${section}/${name}`,
        text: article(p, made + n, siblings),
      });
    });
    made += size;
  }
  return docs;
}

/** Writes the corpus under `dir`; returns the number of articles (index pages not counted). */
export async function writeCorpus(dir: string, count: number, seed?: number): Promise<CorpusDoc[]> {
  const docs = generateCorpus(count, seed);
  const folders = new Set(docs.map((d) => join(dir, d.path, '..')));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await Promise.all(docs.map((d) => writeFile(join(dir, d.path), d.text)));
  return docs;
}

/** The Markdown body of a corpus document (frontmatter removed), as a renderer sees it. */
export function bodyOf(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n/, '');
}
