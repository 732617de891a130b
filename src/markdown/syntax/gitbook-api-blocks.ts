import { type BlockContext, containerLines } from './block-context.js';
import type { SourceLine } from './lines.js';
import { warn } from './scan-context.js';
import { argument, type TagArgs } from './tag-args.js';

type Where = { indent: string; open: number; close: number };

/**
 * GitBook's API and file blocks, as the Markdown they stand for (their attributes carry the meaning):
 * - `{% swagger method path baseUrl summary %}`: a line `**GET** `https://…/path`` and the summary;
 * - `{% swagger-parameter in name type required %}`: a line naming the parameter, then its description;
 * - `{% swagger-response status description %}`: a line with the status, then its example;
 * - `{% swagger-description %}`: its content;
 * - `{% file src %}caption{% endfile %}`: a link to the file (uploaded like any linked file);
 * - `{% openapi … %}` / `{% openapi-operation … %}`: the method and path, with a warning (the OpenAPI
 *   document is not read, so the operation's details are not published).
 * Null for any other tag.
 */
export function gitbookBlock(
  name: string,
  args: TagArgs,
  body: readonly SourceLine[],
  where: Where,
  context: BlockContext,
): SourceLine[] | null {
  const lead = (...texts: string[]): SourceLine[] =>
    texts.flatMap((text) => [
      { text: `${where.indent}${text}`, source: where.open },
      { text: '', source: where.open },
    ]);
  const section = (head: SourceLine[], inner: readonly SourceLine[]) =>
    containerLines(context, { kind: 'section' }, where, undefined, [...head, ...inner]);
  switch (name) {
    case 'swagger': {
      const summary = argument(args, ['summary']);
      return section(lead(operationLine(args), ...(summary ? [`*${summary}*`] : [])), body);
    }
    case 'swagger-description':
      return section([], body);
    case 'swagger-parameter': {
      const notes = [argument(args, ['in']), truthy(argument(args, ['required'])) ? 'required' : undefined];
      const type = argument(args, ['type']);
      const head = `**\`${argument(args, ['name']) ?? ''}\`**${type ? ` \`${type}\`` : ''}${notes
        .filter(Boolean)
        .map((note) => ` · ${note}`)
        .join('')}`;
      return section(lead(head), body);
    }
    case 'swagger-response': {
      const description = argument(args, ['description']);
      const head = `**Response ${argument(args, ['status']) ?? ''}**${description ? ` — ${description}` : ''}`;
      return section(lead(head), body);
    }
    case 'file': {
      const src = argument(args, ['src'], 0);
      if (!src) return null;
      const caption = body
        .map((line) => line.text.trim())
        .filter(Boolean)
        .join(' ');
      const label = (caption || decodeURIComponent(src.slice(src.lastIndexOf('/') + 1))).replace(
        /[[\]]/g,
        '\\$&',
      );
      return lead(`[${label}](<${src}>)`);
    }
    case 'openapi':
    case 'openapi-operation':
    case 'openapi-schemas':
    case 'openapi-webhook':
      warn(
        context,
        where.open,
        'markdown/openapi-not-read',
        `GitBook's {% ${name} %} block shows an operation from an OpenAPI document, which pylon-kb does not read: only its method and path are published.`,
        'Describe the operation in Markdown, or link to your API reference.',
      );
      return lead(operationLine(args));
    default:
      return null;
  }
}

function operationLine(args: TagArgs): string {
  const method = (argument(args, ['method']) ?? '').toUpperCase();
  const path = `${(argument(args, ['baseurl']) ?? '').replace(/\/+$/, '')}${argument(args, ['path']) ?? ''}`;
  return [method && `**${method}**`, path && `\`${path}\``].filter(Boolean).join(' ');
}

function truthy(value: string | undefined): boolean {
  return value === 'true' || value === '';
}
