import type { SyntaxPreset } from './constructs.js';
import type { Format } from './markers.js';

/** A problem found in site syntax, at a line of the Markdown the renderer was given (1-based). */
export interface SyntaxFinding {
  line: number;
  code: string;
  message: string;
  hint: string;
  /** Default warning. */
  severity?: 'error' | 'warning';
}

export interface ScanContext {
  format: Format;
  /** The constructs the page may use (constructs.ts). */
  syntax: SyntaxPreset;
  findings: SyntaxFinding[];
  /** The image beside the page whose file name starts with `name` (a Hugo page bundle's resource), as a relative path. */
  bundleImage?: ((name: string) => string | undefined) | undefined;
}

export function warn(context: ScanContext, line: number, code: string, message: string, hint: string): void {
  context.findings.push({ line, code, message, hint });
}

export function fail(context: ScanContext, line: number, code: string, message: string, hint: string): void {
  context.findings.push({ line, code, message, hint, severity: 'error' });
}
