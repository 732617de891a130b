import { z } from 'zod';
import { failedResults } from '../../apply/index.js';
import type { ApplyResult } from '../../apply/types.js';
import {
  type Diagnostic,
  formatDiagnostic,
  hasErrors,
  sortDiagnostics,
} from '../../diagnostics/diagnostic.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { staleReasons } from '../../plan/staleness.js';
import { isWrite, type Operation } from '../../plan/types.js';
import {
  countKinds,
  plural,
  renderPlanMarkdown,
  renderResultsMarkdown,
  summaryLine,
} from '../../report/index.js';
import { executePlan, loadContent, planFromConfig, uploadJournal } from '../../run/index.js';
import { failed, ok } from '../result.js';
import type { ToolDefinition } from './tool.js';

export const checkInput = {
  files: z
    .array(z.string().min(1))
    .optional()
    .describe('Paths relative to the content directory to report on. Default: every file of the docs tree.'),
};

/** `check`: the docs tree's problems, offline, each with file, line and how to fix it. */
export const checkTool: ToolDefinition<typeof checkInput> = {
  name: 'check',
  description:
    'Validate the docs tree (frontmatter, links, images, slugs) without touching the knowledge base. ' +
    'Returns every problem with file, line and a hint on how to fix it. Run it after editing docs, before plan.',
  input: checkInput,
  async run(session, { files }) {
    const { desired, files: read } = await loadContent(session.config);
    const wanted = files ? new Set(files.map(normalisePath)) : undefined;
    const diagnostics = sortDiagnostics(
      wanted
        ? [
            ...desired.diagnostics.filter((d) => d.file !== undefined && wanted.has(d.file)),
            ...unknownFiles(
              [...wanted],
              read.map((f) => f.path),
            ),
          ]
        : desired.diagnostics,
    );
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const head =
      `Checked ${plural(desired.articles.length, 'article')} in ${plural(desired.collections.length, 'collection')}: ` +
      `${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}.`;
    return ok(diagnosticsText(head, diagnostics), {
      articles: desired.articles.length,
      collections: desired.collections.length,
      errors,
      warnings: diagnostics.length - errors,
      diagnostics,
    });
  },
};

export const planInput = {
  force: z
    .boolean()
    .optional()
    .describe('Allow retiring more than the configured share of articles (maxRetireRatio) in one run.'),
};

/** `plan`: the dry run, kept under an id that `apply` takes. */
export const planTool: ToolDefinition<typeof planInput> = {
  name: 'plan',
  description:
    'Compute what publishing the docs tree would change in the Pylon knowledge base (creates, updates with ' +
    'body diffs, moves with redirects, retirements), without writing anything. Returns a Markdown report ' +
    'to show the user and a plan_id; pass that plan_id to apply to publish exactly this plan.',
  input: planInput,
  async run(session, { force }) {
    const { client } = await session.target();
    const { plan } = await planFromConfig(session.config, client, {
      force: force === true,
      renderCache: true,
    });
    // Under `strict` a plan with errors cannot be applied; otherwise its documents with errors are held
    // back (the plan has no operation for them) and the rest can be published.
    const errors = hasErrors(plan.diagnostics);
    const invalid = errors && session.config.strict;
    const stored = invalid ? undefined : session.plans.add(plan);
    const writes = plan.operations.filter(isWrite).length;
    const heldNote = errors
      ? ' Documents with errors are held back (not written) until they are fixed: see the diagnostics.'
      : '';
    const next = invalid
      ? 'The plan has errors and strict is set: fix them (see the diagnostics) and plan again. It cannot be applied.'
      : writes === 0
        ? errors
          ? `Nothing to apply.${heldNote}`
          : 'Nothing to apply: the knowledge base already matches the docs tree.'
        : `To publish this plan, call apply with plan_id "${stored?.id}".${heldNote}`;
    return ok(`${renderPlanMarkdown(plan)}\n\n${next}`, {
      plan_id: stored?.id ?? null,
      knowledgeBase: plan.knowledgeBase,
      summary: summaryLine(plan),
      counts: countKinds(plan.operations),
      writes,
      operations: plan.operations.map(describeOperation),
      diagnostics: plan.diagnostics,
    });
  },
};

export const applyInput = {
  plan_id: z.string().min(1).describe('The plan_id a plan call of this session returned.'),
};

/** `apply`: publishes a plan this server made, after re-checking it against the knowledge base. */
export const applyTool: ToolDefinition<typeof applyInput> = {
  name: 'apply',
  description:
    'Publish a plan returned by plan in this session. Refused when the plan id is unknown, already applied, ' +
    'or stale (the knowledge base changed since): then call plan again and review the new plan.',
  input: applyInput,
  async run(session, { plan_id }) {
    const stored = session.plans.get(plan_id);
    if (!stored) {
      return failed({
        code: 'plan/unknown',
        message: `No plan with id "${plan_id}" was made in this session.`,
        hint: 'Call plan, show the report to the user, then call apply with the plan_id it returned.',
      });
    }
    if (stored.appliedAt) {
      return failed({
        code: 'plan/applied',
        message: `Plan "${plan_id}" was already applied at ${stored.appliedAt.toISOString()}.`,
        hint: 'Call plan again to see whether anything is left to publish.',
      });
    }
    const { client } = await session.target();
    const current = await session.current(planLanguages(stored.plan.operations));
    const reasons = staleReasons(stored.plan, current);
    if (reasons.length > 0) {
      return failed({
        code: 'plan/stale',
        message: `Plan "${plan_id}" is out of date: ${reasons.join('; ')}. Nothing was written.`,
        hint: 'Call plan again and review the new plan before applying it.',
      });
    }
    stored.appliedAt = new Date();
    const results = await executePlan(stored.plan, client, {
      contentDir: session.config.contentDir,
      uploadJournal: uploadJournal(session.config),
    });
    const failures = failedResults(results);
    return ok(renderResultsMarkdown(results, { unchanged: stored.plan.summary.unchanged }), {
      plan_id,
      failed: failures.length,
      results: results.map(describeResult),
    });
  },
};

/**
 * A file asked about that the docs tree does not hold (a typo, a path from the repository root, a file
 * `include`/`exclude` leave out) is an error: "0 errors" would say it was checked and is fine.
 */
function unknownFiles(wanted: readonly string[], treeFiles: readonly string[]): Diagnostic[] {
  const present = new Set(treeFiles);
  return wanted
    .filter((path) => !present.has(path))
    .map((path) => {
      const near = didYouMean(path, treeFiles);
      return {
        severity: 'error' as const,
        code: 'check/unknown-file',
        message: `${path} is not a file of the docs tree: nothing was checked for it.`,
        file: path,
        hint: near
          ? `Did you mean ${near}? Paths are relative to the content directory.`
          : "Paths are relative to the content directory; a file left out by the config's include/exclude (or by the site) is not read.",
      };
    });
}

function normalisePath(path: string): string {
  return path.replaceAll('\\', '/').replace(/^\.\//, '');
}

function diagnosticsText(head: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics.length === 0 ? head : `${head}\n\n${diagnostics.map(formatDiagnostic).join('\n')}`;
}

function planLanguages(operations: readonly Operation[]): string[] {
  const languages = operations.flatMap((op) =>
    'translations' in op && Array.isArray(op.translations) ? op.translations.map((t) => t.language) : [],
  );
  return [...new Set(languages)];
}

function describeOperation(op: Operation): Record<string, unknown> {
  return {
    kind: op.kind,
    key: op.key,
    ...('path' in op ? { path: op.path } : {}),
    ...('title' in op ? { title: op.title } : {}),
    ...('url' in op ? { url: op.url } : {}),
  };
}

function describeResult(result: ApplyResult): Record<string, unknown> {
  return {
    status: result.status,
    kind: result.op.kind,
    key: result.op.key,
    ...('id' in result ? { id: result.id } : {}),
    ...('url' in result ? { url: result.url } : {}),
    ...(result.status === 'failed' ? { error: result.error.message } : {}),
    ...(result.status === 'skipped' ? { reason: result.reason } : {}),
  };
}
