import { failedResults } from '../../apply/index.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { heldBackDocuments } from '../../plan/hold-back.js';
import { isWrite } from '../../plan/types.js';
import { renderHeldBack } from '../../report/held-back.js';
import { renderPlanText, renderResultsText } from '../../report/index.js';
import { executePlan, openTarget, planFromConfig } from '../../run/index.js';
import type { CommandInput } from '../command-spec.js';
import { loadCliConfig } from '../config.js';
import { InputError } from '../failures.js';
import { useColor } from '../output.js';
import { ApplyProgress } from '../progress.js';
import { clientEvents } from '../request-log.js';
import { helpCenterUrl, shouldServe, untilInterrupted } from '../serve.js';

/**
 * The demo: publish the docs tree into an embedded emulator, show that a second plan is empty, then (at a
 * terminal, outside CI) keep the emulator serving the published help center until Ctrl-C.
 */
export async function run(input: CommandInput): Promise<number> {
  const { io } = input;
  const color = useColor(io);
  const config = await loadCliConfig(input, { forceEmulator: true });
  let progress: ApplyProgress | undefined;
  const target = await openTarget(config, {
    onEvent: clientEvents(input, (e) => progress?.onClientEvent(e)),
  });
  try {
    io.stdout.write(`Publishing ${config.contentDir} into ${target.description}\n\n`);
    const { plan } = await planFromConfig(config, target.client);
    io.stdout.write(`${renderPlanText(plan, { color })}\n\n`);
    if (hasErrors(plan.diagnostics) && config.strict) {
      throw new InputError('Nothing was written (strict): fix these problems first.');
    }
    // Documents with errors are held back (the plan has no operation for them); the rest is published.
    const held = heldBackDocuments(plan.diagnostics);
    progress = new ApplyProgress(io.stdout, plan.operations.filter(isWrite).length);
    const results = await executePlan(plan, target.client, {
      contentDir: config.contentDir,
      site: config.site,
      onEvent: progress.onApplyEvent,
    });
    progress.finish();
    io.stdout.write(`${renderResultsText(results, { color, unchanged: plan.summary.unchanged })}\n`);
    const again = await planFromConfig(config, target.client);
    const pending = again.plan.operations.filter(isWrite).length;
    io.stdout.write(
      pending === 0
        ? '\nSecond plan: no changes. The knowledge base matches the docs tree.\n'
        : `\nSecond plan: ${pending} changes still pending.\n${renderPlanText(again.plan, { color })}\n`,
    );
    if (held.length > 0) io.stdout.write(`\n${renderHeldBack(held, true)}`);
    const code = failedResults(results).length > 0 || pending > 0 ? 1 : held.length > 0 ? 2 : 0;
    if (target.emulator && shouldServe(io, input.values.serve === false)) {
      io.stdout.write(
        `\nThe help center is served at ${helpCenterUrl(target.emulator, plan.knowledgeBase.slug)}\n` +
          `Emulator state: ${target.emulator.url}/_emulator/\nPress Ctrl-C to stop.\n`,
      );
      await untilInterrupted(io.signal);
      io.stdout.write('Stopped.\n');
    }
    return code;
  } finally {
    await target.close();
  }
}
