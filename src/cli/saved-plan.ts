import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PLAN_VERSION, type Plan } from '../plan/types.js';
import { InputError } from './failures.js';

/** Reads a plan written by `plan --json --out FILE`. */
export async function readSavedPlan(file: string, cwd: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch {
    throw new InputError(
      `Cannot read the plan file ${file}. Write one with: pylon-kb plan --json --out ${file}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`The plan file ${file} is not JSON (${(error as Error).message}).`);
  }
  const plan = data as Partial<Plan>;
  if (
    typeof plan !== 'object' ||
    plan === null ||
    plan.version !== PLAN_VERSION ||
    !Array.isArray(plan.operations) ||
    typeof plan.knowledgeBase?.id !== 'string' ||
    typeof plan.remoteVersions !== 'object'
  ) {
    throw new InputError(
      `The plan file ${file} is not a pylon-kb plan of version ${PLAN_VERSION}. Make it again with: pylon-kb plan --json --out ${file}`,
    );
  }
  return { diagnostics: [], summary: { unchanged: 0 }, ...plan } as Plan;
}
