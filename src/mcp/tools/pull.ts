import { isAbsolute, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { pullDrifted } from '../../pull/drifted.js';
import { pull } from '../../pull/pull.js';
import { planFromConfig } from '../../run/index.js';
import { failed, ok } from '../result.js';
import type { ToolDefinition } from './tool.js';

export const pullInput = {
  collection: z
    .string()
    .min(1)
    .optional()
    .describe('Slug or id of a Pylon collection to bring into the docs tree as a new folder.'),
  folder: z
    .string()
    .min(1)
    .optional()
    .describe(
      'With collection: the new folder, relative to the content directory (default: the collection slug). It must not exist or be empty.',
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
        ].join('\n'),
        { dryRun: common.dryRun, ...result },
      );
    }
    const collection = args.collection ?? '';
    const folder = args.folder ?? collection;
    const dir = resolve(config.contentDir, folder);
    const inside = relative(resolve(config.contentDir), dir);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
      return failed({
        code: 'input/invalid',
        message: `The folder "${folder}" is not a new folder inside the content directory.`,
        hint: 'Pass a relative folder name such as "billing"; pull writes only inside the docs tree.',
      });
    }
    const result = await pull(target.client, {
      ...common,
      dir,
      kb: config.knowledgeBase ?? undefined,
      collections: [collection],
    });
    const written = result.files.filter((f) => f.kind === 'article').length;
    return ok(
      [
        `${result.written ? 'Wrote' : 'Would write'} ${written} article(s) of "${collection}" into ${inside.split(sep).join('/')}/.`,
        ...result.files.map((f) => `- ${f.kind} ${f.path}`),
        ...result.skipped.map((s) => `skipped "${s.title}" (${s.id}): ${s.reason}`),
        ...result.warnings.map((w) => `warning [${w.code}] ${w.path ?? ''} ${w.message}`),
        result.written
          ? "Next: plan. The first apply adopts these articles in place, writing only pylon-kb's marker."
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
      { folder: inside.split(sep).join('/'), ...result },
    );
  },
};
