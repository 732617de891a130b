import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

/**
 * Validates request and response bodies against Pylon's own OpenAPI 3.0.1 document, read at runtime from
 * env PYLON_OPENAPI, else `shared/reference/pylon-openapi.json` beside the repository (CI) or beside its
 * parent folder (a clone under `clones/`); never copied into the repository.
 * OpenAPI 3.0 adaptations: `$ref`s resolve inside the document, `nullable` becomes a `null` type,
 * `strict: false` ignores the `x-*` keywords, and additional properties are allowed (Pylon's schemas do
 * not forbid them), so fields later Pylon versions added (e.g. `code` on errors) pass.
 */

const REPO = join(import.meta.dirname, '..', '..');
const REFERENCE = join('shared', 'reference', 'pylon-openapi.json');
/** Where the document is looked for, in order. */
export const OPENAPI_CANDIDATES: readonly string[] = process.env.PYLON_OPENAPI
  ? [process.env.PYLON_OPENAPI]
  : [join(REPO, '..', REFERENCE), join(REPO, '..', '..', REFERENCE)];
export const OPENAPI_PATH =
  OPENAPI_CANDIDATES.find((path) => existsSync(path)) ?? (OPENAPI_CANDIDATES[0] as string);

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    responses?: Record<string, Operation['responses'] & object>;
  };
}

function adapt(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adapt);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = adapt(value);
  if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  delete out.nullable;
  return out;
}

type FormatsPlugin = (ajv: Ajv) => Ajv;

export class Contract {
  private readonly ajv: Ajv;
  private readonly doc: OpenApiDoc;
  private readonly cache = new Map<string, ValidateFunction>();
  /** `METHOD /template` of every operation whose request or 200 response was validated. */
  readonly covered = new Set<string>();

  constructor(doc: OpenApiDoc) {
    this.doc = adapt(doc) as OpenApiDoc;
    this.ajv = new Ajv({ strict: false, allErrors: true });
    const plugin = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
      formatsModule) as unknown as FormatsPlugin;
    plugin(this.ajv);
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ components: this.doc.components }, 'pylon');
  }

  /** The spec's path template for a concrete path (`/knowledge-bases/abc` → `/knowledge-bases/{id}`). */
  template(method: string, path: string): string | undefined {
    const segments = path.split('?')[0]?.split('/').slice(1) ?? [];
    let best: { template: string; literals: number } | undefined;
    for (const [template, ops] of Object.entries(this.doc.paths)) {
      if (!ops[method.toLowerCase()]) continue;
      const parts = template.split('/').slice(1);
      if (parts.length !== segments.length) continue;
      let literals = 0;
      const ok = parts.every((p, i) => {
        if (p.startsWith('{')) return segments[i] !== '';
        literals++;
        return p === segments[i];
      });
      if (ok && (!best || literals > best.literals)) best = { template, literals };
    }
    return best?.template;
  }

  operation(method: string, template: string): Operation | undefined {
    return this.doc.paths[template]?.[method.toLowerCase()];
  }

  private compile(key: string, schema: unknown): ValidateFunction {
    let fn = this.cache.get(key);
    if (!fn) {
      const text = JSON.stringify(schema).replaceAll('"#/components/', '"pylon#/components/');
      fn = this.ajv.compile(JSON.parse(text) as object);
      this.cache.set(key, fn);
    }
    return fn;
  }

  private describe(fn: ValidateFunction): string {
    return this.ajv.errorsText(fn.errors, { separator: '; ' });
  }

  /** Errors of a JSON (or multipart form fields) request body, or null when valid / not in the spec. */
  checkRequest(method: string, template: string, body: unknown): string | null {
    const content = this.operation(method, template)?.requestBody?.content;
    const schema = content?.['application/json']?.schema ?? content?.['multipart/form-data']?.schema;
    if (!schema) return null;
    this.covered.add(`${method} ${template}`);
    const fn = this.compile(`req ${method} ${template}`, schema);
    return fn(body) ? null : this.describe(fn);
  }

  /** Errors of a response body for a status the operation documents, or null. */
  checkResponse(method: string, template: string, status: number, body: unknown): string | null {
    let response = this.operation(method, template)?.responses?.[String(status)];
    if (response?.$ref) {
      const name = response.$ref.split('/').at(-1) ?? '';
      response = (this.doc.components.responses as Record<string, typeof response>)?.[name];
    }
    const schema = response?.content?.['application/json']?.schema;
    if (!schema) return null;
    if (status === 200) this.covered.add(`${method} ${template}`);
    const fn = this.compile(`res ${status} ${method} ${template}`, schema);
    return fn(body) ? null : this.describe(fn);
  }
}

let loaded: Contract | null | undefined;

/** The contract, or null (with the reason in `contractMissingReason`) when the document is absent. */
export function loadContract(): Contract | null {
  if (loaded === undefined) {
    loaded = existsSync(OPENAPI_PATH)
      ? new Contract(JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDoc)
      : null;
  }
  return loaded;
}

export const contractMissingReason = `Pylon's OpenAPI document was not found at ${OPENAPI_CANDIDATES.join(' or ')} (set PYLON_OPENAPI)`;
