import type { ApplyResult } from '../apply/types.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { OPERATIONS, type Operation } from '../plan/types.js';
import type { ClientEvent } from '../pylon/api.js';
import type { Article } from '../pylon-api/records.js';
import { style } from '../report/ansi.js';
import type { WatchEvent } from './types.js';

export interface WatchLine {
  stream: 'out' | 'err';
  text: string;
}

export interface WatchFormatOptions {
  color?: boolean;
  /** Base URL of the embedded emulator: where unpublished drafts can be seen. */
  emulatorUrl?: string | undefined;
  /** The embedded emulator's help-center page of an article (drafts included), when there is one. */
  pageUrl?: ((article: Article) => string) | undefined;
  /** The embedded emulator's help-center home (drafts included). */
  homeUrl?: string | undefined;
  /** Time of day for a timestamp. Default: local `HH:MM:SS`. */
  clock?: (at: number) => string;
}

const INDENT = '         ';

function timeOfDay(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function titleOf(op: Operation, result: ApplyResult): string {
  if ('article' in result && result.article) return result.article.title;
  return 'title' in op ? op.title : '';
}

/** What applying the operation does (`create`, `add redirects to`), from its kind's definition. */
function verbOf(op: Operation): string {
  return OPERATIONS[op.kind].verb;
}

/** Where a newly written article can be seen: its URL once published, else the draft's whereabouts. */
function whereToSee(result: ApplyResult, options: WatchFormatOptions): string | null {
  if (!('article' in result) || !result.article) return null;
  const { article } = result;
  const { emulatorUrl } = options;
  if (options.pageUrl)
    return `${article.is_published ? 'see it at' : 'draft, see it at'} ${options.pageUrl(article)}`;
  if (article.is_published && article.url) return `see it at ${article.url}`;
  if (emulatorUrl) return `draft, not published: ${emulatorUrl}/_emulator/state (article ${article.id})`;
  return `draft, not published: open article ${article.id} "${article.title}" in Pylon`;
}

function resultLines(
  event: Extract<WatchEvent, { type: 'result' }>,
  options: WatchFormatOptions,
): WatchLine[] {
  const { result } = event;
  const { op } = result;
  const s = style(options.color === true);
  const took = event.latencyMs === null ? '' : ` in ${formatDuration(event.latencyMs)}`;
  const title = titleOf(op, result);
  const languages = 'translations' in op ? op.translations.map((t) => t.language) : [];
  const name =
    `${op.kind === 'create-collection' ? 'collection ' : ''}${op.key}${title ? ` "${title}"` : ''}` +
    (languages.length > 0 ? ` (+${languages.join(', ')})` : '');
  let text: string;
  switch (result.status) {
    case 'created':
      text = `${s.green('created')} ${name}${took}`;
      break;
    case 'updated':
      text =
        op.kind === 'create-redirects'
          ? `${s.green('redirected')} ${op.redirectPaths.join(', ')} to ${name}${took}`
          : `${s.green('updated')} ${name}${took}`;
      break;
    case 'moved':
      text = `${s.green('moved')} ${op.kind === 'move-article' ? `${op.from.key} → ` : ''}${name}${took}`;
      if (result.redirects.length > 0) text += ` (redirects ${result.redirects.join(', ')})`;
      break;
    case 'retired':
      text = `${s.yellow('retired')} ${name}${op.kind === 'retire-article' ? ` (${op.action}d)` : ''}`;
      break;
    case 'skipped':
      text = `${s.yellow('skipped')} ${verbOf(op)} ${name}: ${result.reason}`;
      break;
    case 'failed':
      return [
        { stream: 'err', text: `${s.red('failed')} to ${verbOf(op)} ${name}: ${result.error.message}` },
      ];
    case 'unchanged':
      return [];
  }
  const lines: WatchLine[] = [{ stream: 'out', text }];
  const where = event.firstWrite ? whereToSee(result, options) : null;
  if (where) lines.push({ stream: 'out', text: `${INDENT}${s.dim(where)}` });
  return lines;
}

function eventLines(event: WatchEvent, options: WatchFormatOptions): WatchLine[] {
  const s = style(options.color === true);
  const out = (text: string): WatchLine[] => [{ stream: 'out', text }];
  switch (event.type) {
    case 'result':
      return resultLines(event, options);
    case 'diagnostics': {
      const lines = event.diagnostics.map((d) => ({ stream: 'err' as const, text: formatDiagnostic(d) }));
      if (event.blocked.length > 0) {
        const what = `nothing written for ${event.blocked.join(', ')}; fix it and save again (still watching)`;
        lines.push({ stream: 'err', text: `${INDENT}${s.yellow(what)}` });
      }
      return lines;
    }
    case 'notice': {
      const { notice, path } = event;
      if (notice.kind === 'orphan') {
        const cause = path ? `${path} was deleted: ` : '';
        return out(
          `${s.yellow('orphan')} ${cause}article ${notice.key} "${notice.title}" (${notice.articleId}) stays in Pylon; orphans are only reported`,
        );
      }
      if (notice.resolution === 'fail') return [];
      const outcome =
        notice.resolution === 'skip' ? 'left alone (onDrift: skip)' : 'overwritten (onDrift: overwrite)';
      return out(`${s.yellow('drift')} ${notice.key} "${notice.title}" was edited in Pylon: ${outcome}`);
    }
    case 'unchanged':
      return out(`${event.paths.join(', ')}: saved, nothing to publish`);
    case 'fixed':
      return out(`${s.green('fixed')} ${event.paths.join(', ')}`);
    case 'refreshed':
      return out(`refreshed from Pylon: ${event.articles} articles, ${event.collections} collections`);
    case 'config':
      return event.applied
        ? out(`reloaded ${event.path}${event.note ? ` (${event.note})` : ''}`)
        : [{ stream: 'err', text: `${event.path}: ${event.note ?? 'not reloaded'}` }];
    case 'ready': {
      const mode = event.publish ? 'publishing what is saved' : 'saving drafts (--publish to publish)';
      const where = options.homeUrl
        ? `; see them at ${options.homeUrl}`
        : !event.publish && options.emulatorUrl
          ? `; see them at ${options.emulatorUrl}/_emulator/state`
          : '';
      return out(`watching ${event.documents} files for ${event.knowledgeBase}; ${mode}${where}`);
    }
    case 'stopped':
      return out(`stopped${event.unsent > 0 ? `; ${event.unsent} writes were not sent` : ''}`);
    case 'error':
      return [{ stream: 'err', text: `${s.red('error')} ${event.message} (still watching)` }];
    case 'cycle':
    case 'settled':
      return [];
  }
}

/** The terminal lines for an event, each starting with the time of day. */
export function formatWatchEvent(event: WatchEvent, options: WatchFormatOptions = {}): WatchLine[] {
  const stamp = (options.clock ?? timeOfDay)(event.at);
  return eventLines(event, options).map((line, i) => ({
    ...line,
    text: i === 0 || !line.text.startsWith(INDENT) ? `${stamp} ${line.text}` : line.text,
  }));
}

/** Rate-limit waits and retries of the client, shown rather than hidden; null for other events. */
export function formatClientEvent(
  event: ClientEvent,
  at: number,
  options: WatchFormatOptions = {},
): string | null {
  const stamp = (options.clock ?? timeOfDay)(at);
  if (event.type === 'rate-limit-wait' && event.ms >= 50) {
    const why = event.reason === '429' ? ' (429 from the server)' : '';
    return `${stamp} waiting ${formatDuration(event.ms)} for the ${event.endpoint} rate limit${why}`;
  }
  if (event.type === 'retry') {
    return `${stamp} retrying ${event.endpoint} in ${formatDuration(event.delayMs)} (attempt ${event.attempt}: ${event.reason})`;
  }
  if (event.type === 'rate-limit-lowered') {
    const from = event.from === null ? 'no limit' : event.from;
    return `${stamp} ${event.endpoint} limit lowered from ${from} to ${event.to} requests/min (${event.source})`;
  }
  if (event.type === 'rate-limit-raised') {
    const why = event.source === 'header' ? 'the server states it' : 'a minute at the limit without a 429';
    return `${stamp} ${event.endpoint} limit raised from ${event.from} to ${event.to} requests/min (${why})`;
  }
  return null;
}
