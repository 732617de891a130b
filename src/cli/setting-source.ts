import type { Failure } from '../run/failure.js';

/**
 * Which setting supplied the value a failure is about, when the failure alone does not say: a knowledge
 * base that does not exist, or a base URL where no Pylon answers, may come from a flag, from the
 * environment (often set long ago, in a shell profile or a CI secret) or from the config file.
 */

const BASE_URL_CODES = /^pylon\/(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|blocked_port|HPE_)/;

function flagGiven(args: readonly string[], name: string): boolean {
  return args.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
}

function envSet(env: Record<string, string | undefined>, name: string): boolean {
  return (env[name] ?? '').trim() !== '';
}

/** The sentence naming the setting behind the failed value, or undefined when there is nothing to add. */
export function settingSource(
  failure: Pick<Failure, 'code' | 'message'>,
  args: readonly string[],
  env: Record<string, string | undefined>,
): string | undefined {
  if (failure.code === 'kb/not-found' && !failure.message.includes('(none given)')) {
    if (flagGiven(args, 'kb')) return 'The knowledge base was named by --kb.';
    if (envSet(env, 'PYLON_KB')) {
      return 'The knowledge base was named by PYLON_KB in the environment (it wins over the config file): change or unset it.';
    }
    return 'The knowledge base was named by `knowledgeBase` in the config file.';
  }
  const foreign = failure.message.includes('not a Pylon API');
  if (BASE_URL_CODES.test(failure.code) || foreign) {
    // Truto's own messages name TRUTO_API_URL already.
    if (envSet(env, 'PYLON_API_URL') && !failure.message.includes('TRUTO_API_URL')) {
      return 'The base URL is PYLON_API_URL from the environment.';
    }
  }
  return undefined;
}

/** The failure with the setting behind its value named at the end of its message. */
export function withSettingSource(
  failure: Failure,
  args: readonly string[],
  env: Record<string, string | undefined>,
): Failure {
  const source = settingSource(failure, args, env);
  return source ? { ...failure, message: `${failure.message} ${source}` } : failure;
}
