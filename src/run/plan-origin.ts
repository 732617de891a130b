import { relative, sep } from 'node:path';
import type { ResolvedConfig, SiteSetting } from '../config/types.js';
import type { Plan, PlanOrigin } from '../plan/types.js';
import { assetReader } from './assets.js';
import { siteStaticDirs } from './content.js';

/**
 * Where a plan was made, recorded in it (`plan --out`) so `apply plan.json` can refuse a plan made for
 * another target or docs tree, and check the local files it needs before its first write. The target is
 * named without a secret: the API's URL, and Truto's integrated account.
 */
export function planOrigin(config: Pick<ResolvedConfig, 'target' | 'rootDir' | 'contentDir'>): PlanOrigin {
  return { target: targetName(config.target), contentDir: contentDirName(config) };
}

function targetName(target: ResolvedConfig['target']): string {
  if (target.kind === 'emulator') return 'the embedded emulator';
  const url = target.apiUrl.replace(/\/+$/, '');
  return target.kind === 'truto'
    ? `Truto ${url}, integrated account ${target.integratedAccountId}`
    : `Pylon ${url}`;
}

/** The content directory relative to the config's folder, with `/` (the same in any checkout of the repo). */
function contentDirName(config: Pick<ResolvedConfig, 'rootDir' | 'contentDir'>): string {
  return relative(config.rootDir, config.contentDir).split(sep).join('/') || '.';
}

/**
 * Why a saved plan must not be applied from here, before anything is read from the target: it records
 * another target or content directory (or none: made by an older pylon-kb), or a file it uploads is missing,
 * outside the docs tree, or changed since. Empty when it may go on.
 */
export async function savedPlanLocalRefusals(
  plan: Plan,
  config: Pick<ResolvedConfig, 'target' | 'rootDir' | 'contentDir'> & { site?: SiteSetting },
): Promise<string[]> {
  const refusals: string[] = [];
  const here = planOrigin(config);
  if (!plan.origin) {
    refusals.push(
      'it records no target or content directory (made by an older pylon-kb), so it cannot be checked against this run',
    );
  } else {
    if (plan.origin.target !== here.target) {
      refusals.push(`it was made for ${plan.origin.target}, and this run publishes to ${here.target}`);
    }
    if (plan.origin.contentDir !== here.contentDir) {
      refusals.push(
        `it was made from the content directory ${plan.origin.contentDir}, and this run reads ${here.contentDir}`,
      );
    }
  }
  const uploads = plan.operations.filter((op) => op.kind === 'upload-asset');
  if (uploads.length === 0) return refusals;
  const fromOutside = uploads.some((op) => op.key.startsWith('../'));
  const staticDirs = fromOutside
    ? await siteStaticDirs({ contentDir: config.contentDir, site: config.site ?? 'auto' })
    : [];
  const read = assetReader(config.contentDir, staticDirs);
  for (const op of uploads) {
    try {
      await read(op);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      refusals.push(
        code === 'ENOENT'
          ? `the file ${op.key} it uploads is not in the docs tree`
          : `the file ${op.key} it uploads cannot be used: ${(error as Error).message}`,
      );
    }
  }
  return refusals;
}
