import { applyPlan, failedResults } from '../../apply/index.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { assetReader } from '../../pipeline/assets.js';
import { runPlan } from '../../pipeline/plan-run.js';
import { openTarget } from '../../pipeline/target.js';
import { staleReasons } from '../../plan/staleness.js';
import type { Plan } from '../../plan/types.js';
import { isWrite } from '../../plan/types.js';
import { loadCurrentState } from '../../remote/snapshot.js';
import { renderPlanText, renderResultsMarkdown } from '../../report/index.js';
import { CONFIG_OPTIONS, OUTPUT_OPTIONS, outputFormat, parse, stringValue } from '../args.js';
import { loadCliConfig } from '../config.js';
import { describeDiagnostics, InputError } from '../failures.js';
import { HELP } from '../help.js';
import type { CliIO } from '../io.js';
import { appendStepSummary, emit, useColor } from '../output.js';
import { ApplyProgress } from '../progress.js';
import { renderResults } from '../render.js';
import { readSavedPlan } from '../saved-plan.js';

/** `pylon-kb apply [plan.json]`: makes the knowledge base match the docs tree. */
export async function applyCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, { ...CONFIG_OPTIONS, ...OUTPUT_OPTIONS });
  if (values.help) {
    io.stdout.write(`${HELP.apply}\n`);
    return 0;
  }
  const format = outputFormat(values);
  const color = useColor(io);
  const config = await loadCliConfig(values, io);
  const planFile = positionals[0];
  const saved = planFile ? await readSavedPlan(planFile, io.cwd) : undefined;
  let progress: ApplyProgress | undefined;
  const target = await openTarget(config, { onEvent: (e) => progress?.onClientEvent(e) });
  try {
    let plan: Plan;
    if (saved) {
      const current = await loadCurrentState(target.client, saved.knowledgeBase.id);
      const reasons = staleReasons(saved, current);
      if (reasons.length > 0) {
        throw new InputError(
          `The saved plan ${planFile} is out of date: ${reasons.join('; ')}. Make a new plan and review it again.`,
        );
      }
      plan = saved;
    } else {
      plan = (
        await runPlan(config, target.client, {
          force: values.force === true,
          renderCache: values['no-cache'] !== true,
        })
      ).plan;
    }
    if (hasErrors(plan.diagnostics)) {
      throw new InputError('Nothing was written: fix these problems first.', plan.diagnostics);
    }
    if (plan.diagnostics.length > 0) io.stderr.write(`${describeDiagnostics(plan.diagnostics)}\n`);
    const writes = plan.operations.filter(isWrite).length;
    if (format === 'text') io.stdout.write(`${renderPlanText(plan, { color })}\n`);
    progress = new ApplyProgress(io.stderr, writes);
    const results = await applyPlan(plan, target.client, {
      onEvent: progress.onApplyEvent,
      readAsset: assetReader(config.contentDir),
    });
    progress.finish();
    await emit(renderResults(results, format, color), stringValue(values, 'out'), io);
    await appendStepSummary(renderResultsMarkdown(results), io);
    return failedResults(results).length > 0 ? 1 : 0;
  } finally {
    await target.close();
  }
}
