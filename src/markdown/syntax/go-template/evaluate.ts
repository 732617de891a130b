import type { BranchNode, Node, Operand, ParsedTemplate, Pipeline } from './parse.js';
import { field, HugoObject, printed, SafeHtml, TemplateErrorAt, truthy, Unsupported } from './values.js';

/**
 * The evaluator of Go's template language over a parsed template: variables in nested scopes, the dot,
 * pipelines (the previous command's value as the last argument), `and` / `or` that stop early, methods of
 * Hugo objects, `range` over lists, maps and counts, and `return` from a partial. A function it does not
 * have, or a field of a Hugo object it does not know, throws Unsupported: the caller falls back.
 */

export type TemplateFunction = (args: unknown[]) => unknown;

export interface Environment {
  functions: ReadonlyMap<string, TemplateFunction>;
}

/** Hugo's `return` in a partial: the partial's value. */
export class ReturnSignal {
  constructor(readonly value: unknown) {}
}

class LoopSignal {
  constructor(readonly kind: 'break' | 'continue') {}
}

const MAX_STEPS = 200_000;

export function execute(template: ParsedTemplate, dot: unknown, environment: Environment): string {
  const run = new Run(template, environment);
  return run.nodes(template.nodes, dot, [new Map([['$', dot]])]);
}

type Scopes = Map<string, unknown>[];

class Run {
  private steps = 0;
  constructor(
    private readonly template: ParsedTemplate,
    private readonly environment: Environment,
  ) {}

  nodes(nodes: readonly Node[], dot: unknown, scopes: Scopes): string {
    let out = '';
    for (const node of nodes) out += this.node(node, dot, scopes);
    return out;
  }

  private node(node: Node, dot: unknown, scopes: Scopes): string {
    if (++this.steps > MAX_STEPS) throw new Unsupported('a template that runs too long');
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'action': {
        const value = this.pipeline(node.pipe, dot, scopes);
        return node.pipe.decl ? '' : printed(value);
      }
      case 'if':
      case 'with': {
        const inner = [...scopes, new Map<string, unknown>()];
        const value = this.pipeline(node.pipe, dot, inner);
        if (truthy(value)) return this.nodes(node.body, node.kind === 'with' ? value : dot, inner);
        return this.nodes(node.otherwise, dot, [...scopes, new Map()]);
      }
      case 'range':
        return this.range(node, dot, scopes);
      case 'template': {
        const body = this.template.defines.get(node.name);
        if (!body) throw new Unsupported(`the template "${node.name}"`);
        const value = node.pipe ? this.pipeline(node.pipe, dot, scopes) : undefined;
        return this.nodes(body, value, [new Map([['$', value]])]);
      }
      case 'break':
      case 'continue':
        throw new LoopSignal(node.kind);
    }
  }

  private range(node: BranchNode, dot: unknown, scopes: Scopes): string {
    const { decl, ...pipe } = node.pipe;
    const collection = this.pipeline(pipe, dot, scopes);
    const entries = entriesOf(collection);
    if (entries.length === 0) return this.nodes(node.otherwise, dot, [...scopes, new Map()]);
    let out = '';
    for (const [key, value] of entries) {
      const scope = new Map<string, unknown>();
      const names = decl?.names ?? [];
      if (names.length === 1) scope.set(names[0]!, value);
      if (names.length === 2) {
        scope.set(names[0]!, key);
        scope.set(names[1]!, value);
      }
      try {
        out += this.nodes(node.body, value, [...scopes, scope]);
      } catch (signal) {
        if (!(signal instanceof LoopSignal)) throw signal;
        if (signal.kind === 'break') break;
      }
    }
    return out;
  }

  pipeline(pipe: Pipeline, dot: unknown, scopes: Scopes): unknown {
    let value: unknown;
    let piped = false;
    for (const command of pipe.commands) {
      value = this.command(command, dot, scopes, piped ? [value] : []);
      piped = true;
    }
    if (pipe.decl) {
      const [name] = pipe.decl.names;
      if (name === undefined) return value;
      if (pipe.decl.assign) {
        const scope = [...scopes].reverse().find((s) => s.has(name));
        if (!scope) throw new TemplateErrorAt(`the variable ${name} is assigned before it is declared`);
        scope.set(name, value);
      } else scopes[scopes.length - 1]!.set(name, value);
    }
    return value;
  }

  private command(command: Operand[], dot: unknown, scopes: Scopes, piped: unknown[]): unknown {
    const [head, ...rest] = command as [Operand, ...Operand[]];
    if (head.kind === 'identifier') return this.call(head.name, rest, dot, scopes, piped);
    const args = () => [...rest.map((operand) => this.operand(operand, dot, scopes)), ...piped];
    if (head.kind === 'literal') {
      if (rest.length > 0 || piped.length > 0) throw new TemplateErrorAt('a constant cannot be called');
      return head.value;
    }
    const { receiver, last } = this.chain(head, dot, scopes);
    if (last === undefined) {
      if (rest.length > 0 || piped.length > 0) throw new TemplateErrorAt('a value cannot be called');
      return receiver;
    }
    const member = field(receiver, last);
    if (typeof member === 'function') return member(...args());
    if (rest.length > 0 || piped.length > 0) throw new Unsupported(`calling the field ${last}`);
    return member;
  }

  private call(name: string, operands: Operand[], dot: unknown, scopes: Scopes, piped: unknown[]): unknown {
    const evaluate = (operand: Operand) => this.operand(operand, dot, scopes);
    if (name === 'and' || name === 'or') {
      let value: unknown;
      for (const operand of operands) {
        value = evaluate(operand);
        if (truthy(value) === (name === 'or')) return value;
      }
      for (const value2 of piped) value = value2;
      return value;
    }
    const args = [...operands.map(evaluate), ...piped];
    if (name === 'return') throw new ReturnSignal(args[0]);
    const fn = this.environment.functions.get(name);
    if (fn) return fn(args);
    // `site.Params.x`: a function of no arguments, then fields of its value.
    const [first = '', ...fields] = name.split('.');
    const root = this.environment.functions.get(first);
    if (!root || fields.length === 0) throw new Unsupported(`the function ${name}`);
    let value: unknown = root([]);
    for (const [i, f] of fields.entries()) {
      const member = field(value, f);
      if (typeof member === 'function' && i === fields.length - 1) return member(...args);
      value = typeof member === 'function' ? member() : member;
    }
    if (args.length > 0) throw new Unsupported(`calling ${name}`);
    return value;
  }

  operand(operand: Operand, dot: unknown, scopes: Scopes): unknown {
    if (operand.kind === 'literal') return operand.value;
    if (operand.kind === 'identifier') return this.call(operand.name, [], dot, scopes, []);
    const { receiver, last } = this.chain(operand, dot, scopes);
    if (last === undefined) return receiver;
    const member = field(receiver, last);
    return typeof member === 'function' ? member() : member;
  }

  /** The value an operand's fields lead to, but for the last field (which may be a method to call). */
  private chain(operand: Exclude<Operand, { kind: 'literal' | 'identifier' }>, dot: unknown, scopes: Scopes) {
    let value: unknown;
    if (operand.kind === 'dot') value = dot;
    else if (operand.kind === 'variable') value = lookup(operand.name, scopes);
    else value = this.pipeline(operand.pipe, dot, scopes);
    const fields = operand.fields;
    for (const name of fields.slice(0, -1)) {
      const member = field(value, name);
      value = typeof member === 'function' ? member() : member;
    }
    return { receiver: value, last: fields[fields.length - 1] };
  }
}

function lookup(name: string, scopes: Scopes): unknown {
  for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i]!.has(name)) return scopes[i]!.get(name);
  throw new TemplateErrorAt(`the variable ${name} is not declared`);
}

function entriesOf(collection: unknown): [unknown, unknown][] {
  if (collection === null || collection === undefined) return [];
  if (Array.isArray(collection)) return collection.map((value, i) => [i, value]);
  if (typeof collection === 'number') return Array.from({ length: collection }, (_, i) => [i, i]);
  if (collection instanceof HugoObject || collection instanceof SafeHtml || typeof collection !== 'object')
    throw new Unsupported(`range over a ${typeof collection}`);
  return Object.keys(collection)
    .sort()
    .map((key) => [key, (collection as Record<string, unknown>)[key]]);
}
