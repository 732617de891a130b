import { relative, sep } from 'node:path';
import { failedResults } from '../../apply/index.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { erroredFiles, heldBackDocuments, withoutHeldOperations } from '../../plan/hold-back.js';
import type { Plan } from '../../plan/types.js';
import { isWrite } from '../../plan/types.js';
import { renderHeldBack } from '../../report/held-back.js';
import { renderPlanText, renderResultsMarkdown } from '../../report/index.js';
import {
  executePlan,
  openTarget,
  planFromConfig,
  RESULT_FORMATS,
  resultsReport,
  savedPlanChanges,
  savedPlanLocalRefusals,
  uploadJournal,
} from '../../run/index.js';
import { annotateApply } from '../ci-failure.js';
import type { CommandInput } from '../command-spec.js';
import { loadCliConfig } from '../config.js';
import { describeDiagnostics, InputError } from '../failures.js';
import { appendStepSummary, emit, useColor } from '../output.js';
import { formatValue, stringValue } from '../parse.js';
import { ApplyProgress } from '../progress.js';
import { readSavedPlan } from '../read-saved-plan.js';
import { clientEvents } from '../request-log.js';

/** `pylon-kb apply [plan.json]`: makes the knowledge base match the docs tree. */
export async function run(input: CommandInput): Promise<number> {
  const { values, positionals, io } = input;
  const format = formatValue(values, RESULT_FORMATS);
  const color = useColor(io);
  const config = await loadCliConfig(input);
  const planFile = positionals[0];
  const saved = planFile ? await readSavedPlan(planFile, io.cwd) : undefined;
  let progress: ApplyProgress | undefined;
  const target = await openTarget(config, {
    onEvent: clientEvents(input, (e) => progress?.onClientEvent(e)),
  });
  try {
    let plan: Plan;
    if (saved) {
      // Its target, content directory and local files, then the knowledge base: all before the first write.
      const reasons = [
        ...(await savedPlanLocalRefusals(saved, config)),
        ...(await savedPlanChanges(saved, target.client, config)),
      ];
      if (reasons.length > 0) {
        throw new InputError(
          `The saved plan ${planFile} cannot be applied; nothing was written:\n` +
            reasons.map((r) => `  - ${r}`).join('\n') +
            '\nMake a new plan and review it again.',
          [],
          'plan/refused',
        );
      }
      plan = saved;
    } else {
      plan = (
        await planFromConfig(config, target.client, {
          force: values.force === true,
          renderCache: values['no-cache'] !== true,
        })
      ).plan;
    }
    const pathPrefix = relative(io.env.GITHUB_WORKSPACE ?? io.cwd, config.contentDir)
      .split(sep)
      .join('/');
    if (hasErrors(plan.diagnostics) && config.strict) {
      throw new InputError(
        'Nothing was written (strict): fix these problems first, or leave out --strict to write every document without an error.',
        plan.diagnostics,
        undefined,
        pathPrefix,
      );
    }
    // One bad document holds back one document: the plan has no operation for it (a saved plan is
    // filtered again, whatever it was made with).
    const held = heldBackDocuments(plan.diagnostics);
    if (held.length > 0) {
      const errored = erroredFiles(plan.diagnostics);
      plan = { ...plan, operations: withoutHeldOperations(plan.operations, { ...errored, keys: new Set() }) };
    }
    if (plan.diagnostics.length > 0) io.stderr.write(`${describeDiagnostics(plan.diagnostics)}\n`);
    const writes = plan.operations.filter(isWrite).length;
    if (format === 'text') io.stdout.write(`${renderPlanText(plan, { color })}\n`);
    progress = new ApplyProgress(io.stderr, writes);
    const results = await executePlan(plan, target.client, {
      contentDir: config.contentDir,
      site: config.site,
      onEvent: progress.onApplyEvent,
      uploadJournal: uploadJournal(config),
    });
    progress.finish();
    const unchanged = plan.summary.unchanged;
    await emit(
      resultsReport(results, format, { color, heldBack: held, unchanged }),
      stringValue(values, 'out'),
      io,
    );
    await appendStepSummary(renderResultsMarkdown(results, { unchanged }), io);
    if (held.length > 0) io.stderr.write(renderHeldBack(held, true));
    annotateApply(
      plan.diagnostics,
      failedResults(results).map((r) => ({
        key: r.op.key,
        path: 'path' in r.op && typeof r.op.path === 'string' ? r.op.path : undefined,
        message: r.status === 'failed' ? r.error.message : '',
      })),
      pathPrefix,
      io,
    );
    if (failedResults(results).length > 0) return 1;
    if (held.length > 0 || hasErrors(plan.diagnostics)) return values['detailed-exitcode'] ? 1 : 2;
    return 0;
  } finally {
    await target.close();
  }
}
