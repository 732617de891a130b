/**
 * VitePress' home layout (`layout: home`) shows the page's frontmatter: the hero (`name`, `text`, `tagline`,
 * `actions` as buttons) and the `features` grid (`title`, `details`, `link` + `linkText`), then the body.
 * Their text is the page's content, so it becomes Markdown before the body. Icons and the hero image are
 * decoration and are left out.
 */
export function homePageMarkdown(fields: Readonly<Record<string, unknown>>): string | undefined {
  if (fields.layout !== 'home') return undefined;
  const hero = record(fields.hero);
  const blocks: string[] = [];
  if (hero) {
    const name = text(hero.name);
    if (name) blocks.push(`# ${name}`);
    for (const line of [text(hero.text), text(hero.tagline)]) if (line) blocks.push(line);
    const actions = list(hero.actions).flatMap((action) => {
      const label = text(action.text);
      const link = text(action.link);
      return label ? [link ? `- [${label}](${destination(link)})` : `- ${label}`] : [];
    });
    if (actions.length > 0) blocks.push(actions.join('\n'));
  }
  for (const feature of list(fields.features)) {
    const title = text(feature.title);
    const details = text(feature.details);
    const link = text(feature.link);
    const linkText = text(feature.linkText);
    if (title) blocks.push(`### ${title}`);
    if (details) blocks.push(details);
    if (link && (linkText || title)) blocks.push(`[${linkText ?? title}](${destination(link)})`);
  }
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function list(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): Record<string, unknown>[] => {
    const found = record(item);
    return found ? [found] : [];
  });
}

/** One line of text (VitePress shows these strings as HTML; line breaks are spaces). */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const line = String(value).replace(/\s+/g, ' ').trim();
  return line === '' ? undefined : line;
}

/** A link destination in angle brackets, so spaces and parentheses stay inside it. */
function destination(link: string): string {
  return `<${link.replace(/[<>]/g, encodeURIComponent)}>`;
}
