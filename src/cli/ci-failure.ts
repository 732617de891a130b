import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import {
  escapeAnnotationData,
  escapeAnnotationProperty,
  escapeMarkdown,
  markdownCode,
  markdownFence,
} from '../report/escape.js';
import { joinPath, renderGithubAnnotations } from '../report/github.js';
import type { Failure } from '../run/failure.js';
import type { CliIO } from './io.js';
import { appendStepSummary, emit } from './output.js';
import { writeWorkflowCommands } from './terminal.js';

/**
 * A run that stopped, told the way GitHub Actions shows it, whatever `--format`: under `GITHUB_ACTIONS`,
 * an `::error` annotation per problem (file and line where the diagnostic has them, message and hint) on
 * stderr (stdout may be JSON), a "pylon-kb failed" section in the job summary, and, when `--comment-file`
 * was given, the same Markdown in that file, so a sticky PR comment shows the failure instead of the last
 * green plan.
 */
export async function reportFailureToCi(failure: Failure, args: readonly string[], io: CliIO): Promise<void> {
  const markdown = failureMarkdown(failure);
  const commentFile = flagValue(args, '--comment-file');
  if (commentFile) await emit(markdown, resolve(io.cwd, commentFile), io).catch(() => undefined);
  if (io.env.GITHUB_ACTIONS !== 'true') return;
  const diagnostics = failure.diagnostics ?? [];
  const annotations = renderGithubAnnotations(diagnostics, {
    ...(failure.pathPrefix !== undefined && { pathPrefix: failure.pathPrefix }),
  });
  const title = escapeAnnotationProperty(`pylon-kb ${failure.code}`);
  const message = `${failure.message}${failure.hint ? `\n${failure.hint}` : ''}`;
  writeWorkflowCommands(
    io,
    `${annotations.text}::error title=${title}::${escapeAnnotationData(message)}\n`,
    'stderr',
  );
  await appendStepSummary(markdown, io).catch(() => undefined);
}

/** The failure as Markdown: the message, the hint, and every diagnostic with its file and line. */
export function failureMarkdown(failure: Failure): string {
  const lines = [
    `### pylon-kb failed (${markdownCode(failure.code)})`,
    '',
    markdownFence(failure.message, 'text'),
  ];
  if (failure.hint) lines.push('', escapeMarkdown(failure.hint));
  const diagnostics = failure.diagnostics ?? [];
  if (diagnostics.length > 0) lines.push('', ...diagnostics.map(diagnosticLine));
  return `${lines.join('\n')}\n`;
}

function diagnosticLine(d: Diagnostic): string {
  const where = d.file ? `${markdownCode(`${d.file}${d.line !== undefined ? `:${d.line}` : ''}`)} ` : '';
  const hint = d.hint ? ` ${escapeMarkdown(d.hint)}` : '';
  return `- ${where}**${d.severity}** ${markdownCode(d.code)}: ${escapeMarkdown(d.message)}${hint}`;
}

function flagValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === name) return args[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/**
 * Under `GITHUB_ACTIONS`, what `apply` met: each diagnostic of its plan as an `::error` or `::warning`
 * annotation (file relative to the repository, line), and each failed write as an `::error` naming the
 * document's file. On stderr, so a JSON report on stdout stays JSON.
 */
export function annotateApply(
  diagnostics: readonly Diagnostic[],
  failed: ReadonlyArray<{ path?: string | undefined; key: string; message: string }>,
  pathPrefix: string,
  io: CliIO,
): void {
  if (io.env.GITHUB_ACTIONS !== 'true') return;
  const annotations = renderGithubAnnotations(diagnostics, { pathPrefix, max: 50 });
  const writes = failed.map((f) => {
    const file = f.path ? `file=${escapeAnnotationProperty(joinPath(pathPrefix, f.path))},` : '';
    return `::error ${file}title=${escapeAnnotationProperty('pylon-kb apply failed')}::${escapeAnnotationData(`${f.key}: ${f.message}`)}\n`;
  });
  const text = `${annotations.text}${writes.join('')}`;
  if (text) writeWorkflowCommands(io, text, 'stderr');
}
