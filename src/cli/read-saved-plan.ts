import { parseSavedPlan } from '../plan/saved-plan.js';
import { PLAN_VERSION, type Plan } from '../plan/types.js';
import { InputError } from './failures.js';
import { readPlanFileText } from './plan-file.js';

/** Reads a plan written by `plan --json --out FILE`. */
export async function readSavedPlan(file: string, cwd: string): Promise<Plan> {
  const text = await readPlanFileText(file, cwd);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `The plan file ${file} is not JSON (${(error as Error).message}). A plan file is written by: pylon-kb plan --json --out ${file}`,
      [],
      'plan/invalid',
    );
  }
  const parsed = parseSavedPlan(data);
  if ('problems' in parsed) {
    throw new InputError(
      `The plan file ${file} is not a valid pylon-kb plan (version ${PLAN_VERSION}); nothing was written:\n` +
        parsed.problems.map((p) => `  - ${p}`).join('\n') +
        `\nMake it again with: pylon-kb plan --json --out ${file}`,
      [],
      'plan/invalid',
    );
  }
  return parsed.plan;
}
