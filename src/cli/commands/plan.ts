import { relative, sep } from 'node:path';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { runPlan } from '../../pipeline/plan-run.js';
import { openTarget } from '../../pipeline/target.js';
import { isWrite } from '../../plan/types.js';
import { renderGithubAnnotations, renderPlanMarkdown } from '../../report/index.js';
import { CONFIG_OPTIONS, OUTPUT_OPTIONS, outputFormat, parse, stringValue } from '../args.js';
import { loadCliConfig } from '../config.js';
import { HELP } from '../help.js';
import type { CliIO } from '../io.js';
import { appendStepSummary, emit, useColor } from '../output.js';
import { renderPlan } from '../render.js';

const OPTIONS = { ...CONFIG_OPTIONS, ...OUTPUT_OPTIONS, 'detailed-exitcode': { type: 'boolean' } } as const;

/** `pylon-kb plan`: the dry run. Reads only. */
export async function planCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, OPTIONS);
  if (values.help) {
    io.stdout.write(`${HELP.plan}\n`);
    return 0;
  }
  const format = outputFormat(values);
  const config = await loadCliConfig(values, io);
  const target = await openTarget(config);
  try {
    const { plan } = await runPlan(config, target.client, {
      force: values.force === true,
      renderCache: values['no-cache'] !== true,
    });
    await emit(renderPlan(plan, format, useColor(io) && !values.out), stringValue(values, 'out'), io);
    if (io.env.GITHUB_ACTIONS === 'true') {
      await appendStepSummary(renderPlanMarkdown(plan), io);
      const annotations = renderGithubAnnotations(plan.diagnostics, {
        // Annotations name files relative to the repository root (the workspace GitHub checked out).
        pathPrefix: relative(io.env.GITHUB_WORKSPACE ?? io.cwd, config.contentDir)
          .split(sep)
          .join('/'),
      });
      if (annotations.text)
        io.stdout.write(annotations.text.endsWith('\n') ? annotations.text : `${annotations.text}\n`);
      if (annotations.rest > 0) {
        io.stdout.write(
          `${annotations.rest} more diagnostics are not shown as annotations (GitHub shows 10 per step); the job summary lists them all.\n`,
        );
      }
    }
    const invalid = hasErrors(plan.diagnostics);
    if (values['detailed-exitcode']) {
      if (invalid) return 1;
      return plan.operations.some(isWrite) ? 2 : 0;
    }
    return invalid ? 2 : 0;
  } finally {
    await target.close();
  }
}
