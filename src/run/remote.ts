import type { ResolvedConfig } from '../config/types.js';
import type { DesiredState } from '../content/types.js';
import type { PylonApi } from '../pylon/api.js';
import { loadCurrentState } from '../remote/snapshot.js';
import type { CurrentState } from '../remote/types.js';
import { translationLanguages } from './content.js';

/**
 * Reads the configured knowledge base (collections, articles, users, teams), with the translations of
 * the languages `desired` has documents in. Read-only.
 */
export function readRemote(
  client: PylonApi,
  config: Pick<ResolvedConfig, 'knowledgeBase'>,
  desired?: DesiredState,
): Promise<CurrentState> {
  const languages = desired ? translationLanguages(desired) : [];
  return loadCurrentState(client, config.knowledgeBase ?? undefined, { languages });
}
