import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { REDACTED } from '../config/redact.js';

/** What a tool failed with: the same codes and hints the CLI prints. */
export interface ToolFailure {
  code: string;
  message: string;
  hint?: string;
}

/** Replaces every secret in a JSON-able value, as the last line of defence before it leaves the server. */
export function scrub<T>(value: T, secrets: readonly string[]): T {
  const wanted = secrets.filter((s) => s.length >= 4);
  if (wanted.length === 0) return value;
  let text = JSON.stringify(value);
  for (const secret of wanted) {
    // The secret as it appears inside a JSON string (quotes and backslashes escaped).
    const encoded = JSON.stringify(secret).slice(1, -1);
    text = text.split(encoded).join(REDACTED);
  }
  return JSON.parse(text) as T;
}

/** A successful tool result: readable text for the agent and the same facts as structured data. */
export function ok(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

/** A tool error (`isError`), which the agent sees and can act on; the server keeps serving. */
export function failed(failure: ToolFailure): CallToolResult {
  const text = `error [${failure.code}] ${failure.message}${failure.hint ? `\nhint: ${failure.hint}` : ''}`;
  return { isError: true, content: [{ type: 'text', text }], structuredContent: { error: failure } };
}
