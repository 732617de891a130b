import { FaultInjector, validateFaultRules } from './faults.js';
import type { HandlerContext } from './handler-types.js';
import { normalizeHtml } from './html-normalizer.js';
import type { StoreData } from './model.js';
import { DEFAULT_BEHAVIOUR, validateBehaviour } from './options.js';
import { loadState, saveState } from './persistence.js';
import { RateLimiter } from './rate-limit.js';
import { RequestLog } from './request-log.js';
import { buildStoreData, DEFAULT_SEED } from './seed.js';
import { Store } from './store.js';
import type { EmulatorBehaviour, EmulatorKbInfo, EmulatorOptions, FaultRule } from './types.js';

/** The emulator's state and behaviour, independent of HTTP: store, options, limits, faults, request log. */
export class Emulator {
  readonly store: Store;
  readonly limiter: RateLimiter;
  readonly faults: FaultInjector;
  readonly log = new RequestLog();
  readonly token: string;
  behaviour: EmulatorBehaviour;
  /** Set once the server listens. */
  baseUrl = '';
  private readonly clock: () => Date;
  private readonly statePath: string | undefined;
  private readonly initialData: StoreData;
  private readonly initialFaults: FaultRule[];

  constructor(options: EmulatorOptions = {}) {
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...validateBehaviour(options) };
    this.clock = options.now ?? (() => new Date());
    this.token = options.token ?? 'pylon-emulator-token';
    this.statePath = options.statePath;
    const loaded = this.statePath ? loadState(this.statePath) : undefined;
    this.initialData =
      loaded ?? buildStoreData(options.seed ?? DEFAULT_SEED, this.now(), this.behaviour.urlSuffix);
    this.store = new Store(structuredClone(this.initialData));
    this.initialFaults = validateFaultRules(options.faults ?? []);
    this.faults = new FaultInjector(this.initialFaults);
    this.limiter = new RateLimiter(this.behaviour.rateLimits, this.behaviour.timeScale);
    if (this.statePath && !loaded) this.persist();
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

  /** Save the whole store to the state file, if there is one. */
  persist(): void {
    if (this.statePath) saveState(this.statePath, this.store.toData(false));
  }

  reset(): void {
    this.store.load(structuredClone(this.initialData));
    this.faults.set(this.initialFaults);
    this.limiter.reset();
    this.log.reset();
    this.persist();
  }

  setFaults(rules: FaultRule[]): void {
    this.faults.set(validateFaultRules(rules));
  }

  setOptions(options: Partial<EmulatorBehaviour>, strict = false): void {
    this.behaviour = { ...this.behaviour, ...validateBehaviour(options, strict) };
    this.limiter.configure(this.behaviour.rateLimits, this.behaviour.timeScale);
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
