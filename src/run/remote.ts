import type { ResolvedConfig } from '../config/types.js';
import type { DesiredState } from '../content/types.js';
import type { PylonApi } from '../pylon/api.js';
import { loadCurrentState } from '../remote/snapshot.js';
import type { CurrentState } from '../remote/types.js';
import { translationLanguages } from './content.js';

/**
 * Reads the configured knowledge base (collections, articles, users, teams), with the translations of
 * the languages `desired` has documents in (or of the `languages` given). Read-only.
 */
export function readRemote(
  client: PylonApi,
  config: Pick<ResolvedConfig, 'knowledgeBase'>,
  translationsOf?: DesiredState | { languages: readonly string[] },
): Promise<CurrentState> {
  const languages =
    translationsOf === undefined
      ? []
      : 'languages' in translationsOf
        ? translationsOf.languages
        : translationLanguages(translationsOf);
  return loadCurrentState(client, config.knowledgeBase ?? undefined, { languages });
}
