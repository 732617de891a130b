import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliIO } from './io.js';
import { redactForOutput } from './terminal.js';

/** Colour only on a terminal and when NO_COLOR is unset (https://no-color.org). */
export function useColor(io: CliIO): boolean {
  return io.stdout.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/** Writes a report to `--out FILE` (creating its folder) or to stdout. */
export async function emit(report: string, out: string | undefined, io: CliIO): Promise<void> {
  const text = redactForOutput(io, report.endsWith('\n') ? report : `${report}\n`);
  if (!out) {
    io.stdout.write(text);
    return;
  }
  const path = resolve(io.cwd, out);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  io.stderr.write(`Wrote ${out}\n`);
}

/** In GitHub Actions, appends to the job summary. */
export async function appendStepSummary(markdown: string, io: CliIO): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (io.env.GITHUB_ACTIONS !== 'true' || !file) return;
  await appendFile(file, redactForOutput(io, `${markdown}\n`));
}
