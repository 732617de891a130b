import { access, copyFile, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { pullDrifted } from '../../pull/drifted.js';
import { TargetBoundary } from '../../pull/inside-target.js';
import { pull } from '../../pull/pull.js';
import { planFromConfig } from '../../run/index.js';
import { failed, ok } from '../result.js';
import type { ToolDefinition } from './tool.js';

export const pullInput = {
  collection: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Slug or id of a Pylon collection to bring into the docs tree, as the folder its place in the knowledge base gives.',
    ),
  drifted: z
    .boolean()
    .optional()
    .describe("Instead: write Pylon's version of every article edited in Pylon into its docs file."),
  dry_run: z.boolean().optional().describe('List the files it would write, and write nothing.'),
};

/** `pull`: a collection of the knowledge base into the docs tree, or Pylon's edits into their files. */
export const pullTool: ToolDefinition<typeof pullInput> = {
  name: 'pull',
  description:
    "Bring content from Pylon into the docs tree: a collection written in Pylon's editor as Markdown files in a new " +
    "folder (adopted in place by the next apply: same article ids and URLs), or with drifted: true Pylon's version " +
    'of articles edited in Pylon since they were published, so the user can review the edit in git. Reads Pylon only.',
  input: pullInput,
  async run(session, args) {
    if ((args.drifted === true) === (args.collection !== undefined)) {
      return failed({
        code: 'input/invalid',
        message:
          'Give either collection (a collection to bring in) or drifted: true, not both and not neither.',
        hint: 'Call list_collections to find a collection slug.',
      });
    }
    const target = await session.target();
    const { config } = session;
    const common = {
      apiOrigin: target.apiOrigin,
      maxAssetBytes: config.maxAssetBytes,
      downloadTimeoutMs: config.pull.downloadTimeoutMs,
      include: config.include,
      dryRun: args.dry_run === true,
    };
    if (args.drifted === true) {
      const planned = await planFromConfig(config, target.client, { renderCache: true });
      const result = await pullDrifted(planned, { ...common, contentDir: config.contentDir });
      const articles = result.files.filter((f) => f.kind === 'article').length;
      const verb = common.dryRun ? 'Would write' : 'Wrote';
      return ok(
        [
          articles === 0
            ? 'No article was edited in Pylon since it was published: nothing to pull.'
            : `${verb} Pylon's version of ${articles} article(s); review the change with git diff, then plan.`,
          ...result.files.map((f) => `- ${f.kind} ${f.path}`),
          ...result.warnings.map((w) => `warning [${w.code}] ${w.path ?? ''} ${w.message}`),
          ...result.refused.map((r) => `error [pull/outside-target] ${r.path}: not written, ${r.reason}`),
        ].join('\n'),
        { dryRun: common.dryRun, ...result },
      );
    }
    const collection = args.collection ?? '';
    const staging = await mkdtemp(join(tmpdir(), 'pylon-kb-pull-'));
    try {
      const result = await pull(target.client, {
        ...common,
        dir: join(staging, 'tree'),
        kb: config.knowledgeBase ?? undefined,
        collections: [collection],
      });
      const taken = await existing(
        config.contentDir,
        result.files.map((f) => f.path),
      );
      if (taken.length > 0) {
        return failed({
          code: 'pull/exists',
          message: `The docs tree already has ${taken.join(', ')}: nothing was written.`,
          hint: 'This collection is already in the docs tree; use pull with drifted: true to bring in edits made in Pylon.',
        });
      }
      const refused = result.written
        ? await moveInto(
            join(staging, 'tree'),
            config.contentDir,
            result.files.map((f) => f.path),
          )
        : [];
      if (refused.length > 0) {
        return failed({
          code: 'pull/outside-target',
          message: `Nothing was written: ${refused.map((r) => `${r.path} (${r.reason})`).join(', ')}.`,
          hint: 'Remove the symbolic link from the docs tree, or pull the collection elsewhere.',
        });
      }
      const articles = result.files.filter((f) => f.kind === 'article').length;
      return ok(
        [
          `${result.written ? 'Wrote' : 'Would write'} ${articles} article(s) of collection "${collection}" into the docs tree.`,
          ...result.files.map((f) => `- ${f.kind} ${f.path}`),
          ...result.skipped.map((s) => `skipped "${s.title}" (${s.id}): ${s.reason}`),
          ...result.warnings.map((w) => `warning [${w.code}] ${w.path ?? ''} ${w.message}`),
          result.written
            ? "Next: plan. The first apply adopts these articles in place, writing only pylon-kb's marker."
            : '',
        ]
          .filter(Boolean)
          .join('\n'),
        { ...result },
      );
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  },
};

/** The paths (relative to the content directory) that exist already. */
async function existing(contentDir: string, paths: readonly string[]): Promise<string[]> {
  const found = await Promise.all(
    paths.map((path) =>
      access(join(contentDir, path)).then(
        () => path,
        () => null,
      ),
    ),
  );
  return found.filter((p): p is string => p !== null);
}

/**
 * Copies the staged files beside their destinations first and renames them into place only once every copy
 * succeeded, so a failure leaves no half-written collection in the tree. A destination reached through a
 * symbolic link to outside the docs tree is refused, and then nothing is written.
 */
async function moveInto(
  staged: string,
  contentDir: string,
  paths: readonly string[],
): Promise<Array<{ path: string; reason: string }>> {
  const boundary = await TargetBoundary.of(contentDir);
  const places: Array<[string, string]> = [];
  const refused: Array<{ path: string; reason: string }> = [];
  for (const path of paths) {
    const place = await boundary.place(path);
    if (place.ok) places.push([path, place.absolute]);
    else refused.push({ path, reason: place.reason });
  }
  if (refused.length > 0) return refused;
  const partial = (absolute: string) => `${absolute}.pylon-kb-partial`;
  try {
    for (const [path, absolute] of places) await copyFile(join(staged, path), partial(absolute));
  } catch (error) {
    await Promise.all(places.map(([, absolute]) => rm(partial(absolute), { force: true })));
    throw error;
  }
  for (const [, absolute] of places) await rename(partial(absolute), absolute);
  return [];
}
