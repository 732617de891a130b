import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A deterministic Markdown document with the constructs a help center uses. */
export function sampleDoc(i: number): string {
  return `---
title: Sample article ${i}
author: ada@acme.test
---

# Sample article ${i}

This article explains **feature ${i}** and how to _configure_ it with \`option-${i}\`.
See [the docs](https://example.com/docs/${i}) for background.

## Before you start

- An account with admin rights
- The CLI installed:
  - macOS: \`brew install acme\`
  - Linux: \`apt install acme\`
- [x] Read the overview
- [ ] Ask your admin

> [!NOTE]
> Changes apply to every project in the workspace.

## Steps

1. Open **Settings**.
2. Choose *Integrations* and then ${i % 7} more things.
3. Save.

\`\`\`bash
acme configure --feature ${i} --enable
\`\`\`

| Setting | Default | Notes |
| :--- | :---: | ---: |
| retries | ${i % 5} | per request |
| timeout | ${i % 60}s | total |

Paragraph with a line
break and <em>inline HTML</em> that is sanitised, plus a footnote.[^1]

[^1]: The footnote text for article ${i}.
`;
}

/** Writes `count` documents into `dir`, `perFolder` per folder (0: all at the root). */
export async function writeTree(dir: string, count: number, perFolder: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const folder = perFolder > 0 ? join(dir, `section-${Math.floor(i / perFolder)}`) : dir;
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `article-${i}.md`), sampleDoc(i));
  }
}
