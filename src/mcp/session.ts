import type { ResolvedConfig } from '../config/types.js';
import type { ClientEvent } from '../pylon/api.js';
import type { CurrentState } from '../remote/types.js';
import { type OpenTarget, openTarget, readContentTree, readRemote } from '../run/index.js';
import { PlanStore } from './plan-store.js';

/**
 * What the MCP server keeps between tool calls: the config in force, one connection to the target (an
 * embedded emulator keeps its state for the whole session), and the plans it made.
 */
export class McpSession {
  readonly plans = new PlanStore();
  #target: Promise<OpenTarget> | undefined;

  constructor(
    readonly config: ResolvedConfig,
    /** Every secret the config holds: scrubbed from every tool result. */
    readonly secrets: readonly string[],
    private readonly log: (line: string) => void,
    /** Why there is no target (no token): every tool that needs one answers with it. */
    readonly targetError?: Error,
    /** What the client reports (the `--debug` request log, on stderr). */
    private readonly onClientEvent?: (event: ClientEvent) => void,
  ) {}

  target(): Promise<OpenTarget> {
    if (this.targetError) return Promise.reject(this.targetError);
    if (!this.#target) {
      const options = this.onClientEvent ? { onEvent: this.onClientEvent } : {};
      this.#target = openTarget(this.config, options).then((target) => {
        this.log(`pylon-kb mcp: publishing to ${target.description}`);
        return target;
      });
      // A failed open (bad token, server down) is retried by the next call, not cached.
      this.#target.catch(() => {
        this.#target = undefined;
      });
    }
    return this.#target;
  }

  /** The knowledge base as it is now (the configured one), with the translations the docs tree uses. */
  async current(languages: string[] = []): Promise<CurrentState> {
    const { client } = await this.target();
    return readRemote(client, this.config, { languages });
  }

  /** Each document's key and its file (relative to the content directory), read from the tree as it is now. */
  async sourcePaths(): Promise<Map<string, string>> {
    const { tree } = await readContentTree(this.config);
    return new Map(tree.docs.map((d) => [d.key, d.path]));
  }

  async close(): Promise<void> {
    const target = this.#target;
    this.#target = undefined;
    if (target) await (await target.catch(() => undefined))?.close();
  }
}

/** The secrets a resolved config carries (tokens), for scrubbing. */
export function configSecrets(config: ResolvedConfig, env: Record<string, string | undefined>): string[] {
  const secrets = [env.PYLON_API_TOKEN, env.TRUTO_API_TOKEN];
  if (config.target.kind !== 'emulator') secrets.push(config.target.token);
  return [...new Set(secrets.flatMap((s) => (s ? [s, s.trim()] : [])))];
}
