import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Team, User } from '../pylon-api/index.js';
import { closest } from './closest.js';

export interface AuthorDirectory {
  users: readonly User[];
  teams: readonly Team[];
  /** Team name → lead email (config `teams`). */
  teamLeads: Readonly<Record<string, string>>;
}

export type AuthorResolution = { userId: string } | { problem: string; hint: string };

const TEAM_PREFIX = 'team:';

/** The config `authors` entry for a frontmatter author (exact, then case-insensitive, `@handle` alike). */
function mappedAuthor(
  written: string,
  authors: Readonly<Record<string, string>> | undefined,
): string | undefined {
  if (!authors) return undefined;
  const bare = (s: string) => s.trim().replace(/^@/, '').toLowerCase();
  return authors[written] ?? Object.entries(authors).find(([key]) => bare(key) === bare(written))?.[1];
}

function userLabel(user: User): string {
  return `${user.name} <${user.email}>`;
}

function findByEmail(users: readonly User[], email: string): User | undefined {
  const wanted = email.toLowerCase();
  return users.find(
    (u) => u.email.toLowerCase() === wanted || (u.emails ?? []).some((e) => e.toLowerCase() === wanted),
  );
}

function suggestUsers(users: readonly User[], query: string): string {
  const near = closest(query, users, (u) => [u.email, u.name, ...(u.emails ?? [])]);
  return near.length > 0
    ? `Closest users: ${near.map(userLabel).join(', ')}.`
    : 'The organisation has no users.';
}

/**
 * Team rule: the lead named in config `teams` (by email) when set and known, else the team's first member
 * as Pylon lists them.
 */
function resolveTeam(name: string, directory: AuthorDirectory): AuthorResolution {
  const team = directory.teams.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (!team) {
    const near = closest(name, directory.teams, (t) => [t.name]).map((t) => t.name);
    return {
      problem: `Unknown team "${name}".`,
      hint: near.length > 0 ? `Known teams: ${near.join(', ')}.` : 'The organisation has no teams.',
    };
  }
  const leadEntry = Object.entries(directory.teamLeads).find(
    ([n]) => n.toLowerCase() === team.name.toLowerCase(),
  );
  if (leadEntry) {
    const lead = findByEmail(directory.users, leadEntry[1]);
    if (lead) return { userId: lead.id };
    return {
      problem: `The lead of team "${team.name}" in config \`teams\` (${leadEntry[1]}) is not a Pylon user.`,
      hint: suggestUsers(directory.users, leadEntry[1]),
    };
  }
  const first = team.users[0];
  if (!first) {
    return {
      problem: `Team "${team.name}" has no members to attribute the article to.`,
      hint: `Add members to the team in Pylon, or name a lead in config: teams: { '${team.name}': 'lead@example.com' }.`,
    };
  }
  return { userId: first.id };
}

/** Resolves an author written as an email, a user id, a user name, or `team:<name>`. */
export function resolveAuthor(spec: string, directory: AuthorDirectory): AuthorResolution {
  const value = spec.trim();
  if (value.toLowerCase().startsWith(TEAM_PREFIX))
    return resolveTeam(value.slice(TEAM_PREFIX.length).trim(), directory);
  if (value.includes('@')) {
    const user = findByEmail(directory.users, value);
    return user
      ? { userId: user.id }
      : {
          problem: `Unknown author "${value}": no Pylon user has this email.`,
          hint: suggestUsers(directory.users, value),
        };
  }
  const byId = directory.users.find((u) => u.id === value);
  if (byId) return { userId: byId.id };
  const byName = directory.users.filter((u) => u.name.toLowerCase() === value.toLowerCase());
  if (byName.length === 1 && byName[0]) return { userId: byName[0].id };
  if (byName.length > 1) {
    return {
      problem: `Author "${value}" matches ${byName.length} users.`,
      hint: `Use an email instead: ${byName.map((u) => u.email).join(', ')}.`,
    };
  }
  return { problem: `Unknown author "${value}".`, hint: suggestUsers(directory.users, value) };
}

/** Resolves every distinct author once; returns a lookup and the diagnostics for the ones that failed. */
export function createAuthorResolver(directory: AuthorDirectory) {
  const cache = new Map<string, AuthorResolution>();
  return (spec: string): AuthorResolution => {
    let hit = cache.get(spec);
    if (!hit) {
      hit = resolveAuthor(spec, directory);
      cache.set(spec, hit);
    }
    return hit;
  };
}

export function authorDiagnostic(
  resolution: Exclude<AuthorResolution, { userId: string }>,
  where: { file: string; line?: number | undefined; fromDefault: boolean },
): Diagnostic {
  return {
    severity: 'error',
    code: 'author/unknown',
    message: where.fromDefault ? `defaultAuthor: ${resolution.problem}` : resolution.problem,
    file: where.file,
    ...(where.line !== undefined ? { line: where.line } : {}),
    field: where.fromDefault ? 'defaultAuthor' : 'author',
    hint: resolution.hint,
  };
}

/** How frontmatter authors map to Pylon users (config `authors`), and what an unknown one does. */
export interface AuthorRules {
  /** Frontmatter value (a GitHub handle, a name) → a Pylon user (email, id, name or `team:<name>`). */
  authors?: Readonly<Record<string, string>> | undefined;
  /** `error` (default): an unknown author is an error; `default`: the default author, with a warning. */
  unknownAuthors?: 'error' | 'default' | undefined;
}

/** The author user id of a document (frontmatter `author`, else the default), or a diagnostic. */
export function documentAuthor(
  doc: { path: string; author?: { value: string; line: number } },
  resolve: (spec: string) => AuthorResolution,
  defaultAuthor: string | undefined,
  rules: AuthorRules = {},
): { userId: string; diagnostic?: Diagnostic } | { diagnostic: Diagnostic } {
  const written = doc.author?.value;
  const mapped = written !== undefined ? mappedAuthor(written, rules.authors) : undefined;
  if (written !== undefined && rules.unknownAuthors === 'default' && defaultAuthor) {
    const resolution = resolve(mapped ?? written);
    if ('userId' in resolution) return resolution;
    const fallback = resolve(defaultAuthor);
    if ('userId' in fallback) {
      const problem = authorDiagnostic(resolution, {
        file: doc.path,
        line: doc.author?.line,
        fromDefault: false,
      });
      return {
        userId: fallback.userId,
        diagnostic: {
          ...problem,
          severity: 'warning',
          message: `${problem.message} The default author ${defaultAuthor} is used (unknownAuthors: "default").`,
          hint: `${problem.hint ?? ''} Map it in config: authors: { '${written}': 'someone@example.com' }.`.trim(),
        },
      };
    }
  }
  const spec = mapped ?? written ?? defaultAuthor;
  if (!spec) {
    return {
      diagnostic: {
        severity: 'error',
        code: 'author/missing',
        message: 'No author: the document has no `author` and the config has no `defaultAuthor`.',
        file: doc.path,
        // Where the frontmatter is (or would start): the key belongs there.
        line: 1,
        field: 'author',
        hint: 'Add `author: someone@example.com` to the frontmatter, or set `defaultAuthor` in pylon-kb.config.ts (or --author).',
      },
    };
  }
  const resolution = resolve(spec);
  if ('userId' in resolution) return resolution;
  return {
    diagnostic: authorDiagnostic(resolution, {
      file: doc.path,
      ...(doc.author ? { line: doc.author.line } : {}),
      fromDefault: !doc.author,
    }),
  };
}
