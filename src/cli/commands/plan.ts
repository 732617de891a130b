import { relative, sep } from 'node:path';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { isWrite } from '../../plan/types.js';
import { renderGithubAnnotations, renderPlanMarkdown } from '../../report/index.js';
import { inlineImages, openTarget, PLAN_FORMATS, planFromConfig, planReport } from '../../run/index.js';
import type { CommandInput } from '../command-spec.js';
import { loadCliConfig } from '../config.js';
import { appendStepSummary, emit, useColor } from '../output.js';
import { formatValue, stringValue } from '../parse.js';
import { clientEvents } from '../request-log.js';
import { siteLines } from '../site-line.js';
import { writeWorkflowCommands } from '../terminal.js';

/** First line of the PR-comment file: lets a workflow find and update its one sticky comment. */
export const COMMENT_MARKER = '<!-- pylon-kb plan -->';
/** GitHub refuses issue and pull-request comments longer than 65,536 characters. */
const COMMENT_MAX_CHARS = 65_536;

/** The Markdown report sized for one pull-request comment (bytes bound characters, so bytes are capped). */
function planComment(plan: Parameters<typeof renderPlanMarkdown>[0]): string {
  const maxBytes = COMMENT_MAX_CHARS - COMMENT_MARKER.length - 2;
  return `${COMMENT_MARKER}\n${renderPlanMarkdown(plan, { maxBytes })}`;
}

/** `pylon-kb plan`: the dry run. Reads only. */
export async function run(input: CommandInput): Promise<number> {
  const { values, io } = input;
  const format = formatValue(values, PLAN_FORMATS);
  const config = await loadCliConfig(input);
  const target = await openTarget(config, { onEvent: clientEvents(input) });
  try {
    const { plan, content } = await planFromConfig(config, target.client, {
      force: values.force === true,
      renderCache: values['no-cache'] !== true,
    });
    // Which site conventions were used goes to stderr: stdout is the report (JSON for machines).
    io.stderr.write(siteLines(content.desired.site));
    const out = stringValue(values, 'out');
    const images = format === 'html' ? await inlineImages(plan, config.contentDir) : undefined;
    await emit(
      planReport(plan, format, { color: useColor(io) && !out, ...(images ? { images } : {}) }),
      out,
      io,
    );
    const commentFile = stringValue(values, 'comment-file');
    if (commentFile) await emit(planComment(plan), commentFile, io);
    if (io.env.GITHUB_ACTIONS === 'true') {
      await appendStepSummary(renderPlanMarkdown(plan), io);
      const annotations = renderGithubAnnotations(plan.diagnostics, {
        // Annotations name files relative to the repository root (the workspace GitHub checked out).
        pathPrefix: relative(io.env.GITHUB_WORKSPACE ?? io.cwd, config.contentDir)
          .split(sep)
          .join('/'),
      });
      if (annotations.text) {
        writeWorkflowCommands(
          io,
          annotations.text.endsWith('\n') ? annotations.text : `${annotations.text}\n`,
        );
      }
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
