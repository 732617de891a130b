/** A response body as JSON, or undefined when it is empty or not JSON (the caller reports the status). */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A body that is not JSON, for an error message: a short line of plain text as it is, anything else (an
 * HTML error page, a long text) summarised by its kind and size. A server that answers this is not the
 * API: its page says nothing that helps, and a whole page would bury the hint.
 */
export function foreignBodySummary(text: string, headers: Headers): string {
  const type = (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const trimmed = text.trim();
  const html = type.includes('html') || /^<(!doctype|html|head|body|\?xml)/i.test(trimmed);
  if (!html && trimmed.length <= 120 && !trimmed.includes('\n')) return `"${trimmed}"`;
  const what = html ? 'an HTML page' : type !== '' ? `a ${type} body` : 'a body that is not JSON';
  return `${what} (${text.length} byte${text.length === 1 ? '' : 's'})`;
}
