import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createRedactor, redactJson } from '../diagnostics/redact.js';

/** What a tool failed with: the same codes and hints the CLI prints. */
export interface ToolFailure {
  code: string;
  message: string;
  hint?: string;
}

/** Replaces every secret in a JSON-able value, as the last line of defence before it leaves the server. */
export function scrub<T>(value: T, secrets: readonly string[]): T {
  return redactJson(value, createRedactor(secrets));
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
