import { FaultInjector, validateFaultRules } from './faults.js';
import type { HandlerContext } from './handler-types.js';
import { normalizeHtml } from './html-normalizer.js';
import type { StoreData } from './model.js';
import { DEFAULT_BEHAVIOUR, validateBehaviour } from './options.js';
import { loadState, saveState } from './persistence.js';
import { RateLimiter } from './rate-limit.js';
import { RequestLog } from './request-log.js';
import { buildStoreData, DEFAULT_SEED } from './seed.js';
import { bindBaseUrl } from './seed-attachments.js';
import { ChangeFeed } from './site/live-reload.js';
import { StateWriter } from './state-writer.js';
import { Store } from './store.js';
import type { EmulatorBehaviour, EmulatorKbInfo, EmulatorOptions, FaultRule } from './types.js';

/** The emulator's state and behaviour, independent of HTTP: store, options, limits, faults, request log. */
export class Emulator {
  readonly store: Store;
  readonly limiter: RateLimiter;
  readonly faults: FaultInjector;
  readonly log = new RequestLog();
  readonly token: string;
  /** The store's version; open help-center pages reload when it changes (with `liveReload`). */
  readonly changes = new ChangeFeed();
  readonly liveReload: boolean;
  behaviour: EmulatorBehaviour;
  /** Set once the server listens. */
  baseUrl = '';
  private readonly clock: () => Date;
  /** Saves the state file shortly after writes; absent without a state file. */
  readonly stateWriter: StateWriter | undefined;
  private initialData: StoreData;
  private readonly initialFaults: FaultRule[];

  constructor(options: EmulatorOptions = {}) {
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...validateBehaviour(options) };
    this.clock = options.now ?? (() => new Date());
    this.token = options.token ?? 'pylon-emulator-token';
    const statePath = options.statePath;
    const loaded = statePath ? loadState(statePath) : undefined;
    this.liveReload = options.liveReload === true;
    this.initialData =
      loaded ?? buildStoreData(options.seed ?? DEFAULT_SEED, this.now(), this.behaviour.urlSuffix);
    this.store = new Store(structuredClone(this.initialData));
    this.initialFaults = validateFaultRules(options.faults ?? []);
    this.faults = new FaultInjector(this.initialFaults);
    this.limiter = new RateLimiter(this.behaviour.rateLimits, this.behaviour.timeScale);
    if (statePath) {
      if (!loaded) saveState(statePath, this.store.toData(false));
      this.stateWriter = new StateWriter(statePath, () => this.store.toData(false));
    }
  }

  now(): string {
    return this.clock().toISOString();
  }

  nowMs(): number {
    return this.clock().getTime();
  }

  context(): HandlerContext {
    return {
      store: this.store,
      behaviour: this.behaviour,
      now: () => this.now(),
      baseUrl: this.baseUrl,
      storeHtml: (html) => (this.behaviour.htmlNormalizer ? normalizeHtml(html) : html),
    };
  }

  /** The store changed: the state file (if there is one) is saved soon, not on this request's path. */
  persist(): void {
    this.stateWriter?.schedule();
  }

  /** Resolves once every write so far is in the state file. */
  async flushState(): Promise<void> {
    await this.stateWriter?.flush();
  }

  reset(): void {
    this.store.load(structuredClone(this.initialData));
    this.faults.set(this.initialFaults);
    this.limiter.reset();
    this.log.reset();
    this.persist();
    this.changes.bump();
  }

  setFaults(rules: FaultRule[]): void {
    this.faults.set(validateFaultRules(rules));
  }

  setOptions(options: Partial<EmulatorBehaviour>, strict = false): void {
    this.behaviour = { ...this.behaviour, ...validateBehaviour(options, strict) };
    this.limiter.configure(this.behaviour.rateLimits, this.behaviour.timeScale);
  }

  /** Called once the server listens: seeded HTML and attachments get the real base URL. */
  bindBaseUrl(baseUrl: string): void {
    this.baseUrl = baseUrl;
    if (bindBaseUrl(this.initialData, baseUrl)) {
      this.store.load(structuredClone(this.initialData));
      this.persist();
    }
  }

  kbInfo(slug?: string): EmulatorKbInfo {
    const kb =
      slug === undefined ? this.store.knowledgeBases.values().next().value : this.store.kbBySlug(slug);
    if (!kb)
      throw new Error(
        slug === undefined ? 'The emulator has no knowledge base' : `No knowledge base "${slug}"`,
      );
    return {
      id: kb.id,
      title: kb.title,
      slug: kb.slug,
      host: kb.host,
      default_language: kb.default_language,
      supported_languages: [...kb.supported_languages],
      siteUrl: `${this.baseUrl}/_site/${encodeURIComponent(kb.slug)}`,
    };
  }
}
