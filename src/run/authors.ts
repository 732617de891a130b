import { relative, sep } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { DesiredState } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkAuthors } from '../plan/author-check.js';
import type { PylonApi } from '../pylon/api.js';

type AuthorConfig = Pick<
  ResolvedConfig,
  'authors' | 'unknownAuthors' | 'defaultAuthor' | 'teams' | 'configPath' | 'rootDir'
>;

/**
 * What an author Pylon does not know does, when config sets no `unknownAuthors`: a site's pages name authors
 * the way the site does (GitHub handles), so they fall back to the default author with a warning;
 * pylon-kb's own trees keep the error.
 */
export function unknownAuthorPolicy(
  config: Pick<ResolvedConfig, 'unknownAuthors'>,
  desired: Pick<DesiredState, 'site'>,
): 'error' | 'default' {
  if (config.unknownAuthors !== null) return config.unknownAuthors;
  return desired.site && desired.site.name !== 'none' ? 'default' : 'error';
}

/**
 * `check --remote`: the authors of the docs tree resolved against the target's users and teams (two list
 * calls, nothing else read, nothing written), reported as plan reports them.
 */
export async function checkRemoteAuthors(
  config: AuthorConfig,
  api: Pick<PylonApi, 'listUsers' | 'listTeams'>,
  desired: Pick<DesiredState, 'articles' | 'site'>,
): Promise<Diagnostic[]> {
  const [users, teams] = await Promise.all([api.listUsers(), api.listTeams()]);
  return checkAuthors(
    desired.articles,
    { users, teams, teamLeads: config.teams },
    {
      authors: config.authors,
      unknownAuthors: unknownAuthorPolicy(config, desired),
      ...(config.defaultAuthor !== null && { defaultAuthor: config.defaultAuthor }),
      ...(config.configPath !== null && { configFile: relativeTo(config.rootDir, config.configPath) }),
    },
  );
}

/** The config file as diagnostics name it: relative to the project root, posix separators. */
function relativeTo(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
