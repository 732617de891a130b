import { type ActionToken, type Item, lex, TemplateError } from './lex.js';

/**
 * The parser of Go's template language: actions become pipelines (`$x := .Get 0 | lower`), and
 * `if` / `with` / `range` (with `else`, `else if`, `else with`), `define` / `block` / `template`,
 * `break` / `continue` become nodes. Pure; a template it cannot read throws TemplateError.
 */

export type Operand =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'variable'; name: string; fields: string[] }
  /** `.A.B` (fields of the dot); `.` alone has no fields. */
  | { kind: 'dot'; fields: string[] }
  | { kind: 'identifier'; name: string }
  | { kind: 'pipe'; pipe: Pipeline; fields: string[] };

export interface Pipeline {
  /** `$x := …` declares, `$x = …` assigns; `range $i, $v := …` names two. */
  decl?: { names: string[]; assign: boolean };
  commands: Operand[][];
  line: number;
}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipeline; line: number }
  | BranchNode
  | { kind: 'template'; name: string; pipe: Pipeline | null; line: number }
  | { kind: 'break' | 'continue'; line: number };

export interface BranchNode {
  kind: 'if' | 'with' | 'range';
  pipe: Pipeline;
  body: Node[];
  otherwise: Node[];
  line: number;
}

export interface ParsedTemplate {
  nodes: Node[];
  /** Templates named with `define` or `block`. */
  defines: Map<string, Node[]>;
}

export function parseTemplate(template: string): ParsedTemplate {
  const parser = new Parser(lex(template));
  const { nodes, end } = parser.list();
  if (end) throw new TemplateError(`line ${end.line}: unexpected {{ ${end.word} }}`);
  return { nodes, defines: parser.defines };
}

type Stop = { word: 'end' | 'else'; tokens: ActionToken[]; line: number };

class Parser {
  readonly defines = new Map<string, Node[]>();
  private at = 0;
  constructor(private readonly items: Item[]) {}

  list(): { nodes: Node[]; end: Stop | null } {
    const nodes: Node[] = [];
    while (this.at < this.items.length) {
      const item = this.items[this.at++]!;
      if (item.kind === 'text') {
        nodes.push(item);
        continue;
      }
      const [first, ...rest] = item.tokens;
      const word = first?.type === 'identifier' ? first.name : '';
      if (word === 'end' || word === 'else') return { nodes, end: { word, tokens: rest, line: item.line } };
      const node = this.control(word, rest, item.line) ?? {
        kind: 'action' as const,
        pipe: pipeline(item.tokens, item.line),
        line: item.line,
      };
      if (node !== 'define') nodes.push(node);
    }
    return { nodes, end: null };
  }

  private control(word: string, tokens: ActionToken[], line: number): Node | 'define' | null {
    switch (word) {
      case 'if':
      case 'with':
      case 'range':
        return this.branch(word, tokens, line);
      case 'break':
      case 'continue':
        return { kind: word, line };
      case 'define':
      case 'block': {
        const name = tokens[0]?.type === 'string' ? tokens[0].value : null;
        if (name === null) throw new TemplateError(`line ${line}: {{ ${word} }} needs a quoted name`);
        const body = this.closed(line);
        this.defines.set(name, body.nodes);
        if (word === 'define') return 'define';
        return {
          kind: 'template',
          name,
          pipe: tokens.length > 1 ? pipeline(tokens.slice(1), line) : null,
          line,
        };
      }
      case 'template': {
        const name = tokens[0]?.type === 'string' ? tokens[0].value : null;
        if (name === null) throw new TemplateError(`line ${line}: {{ template }} needs a quoted name`);
        return {
          kind: 'template',
          name,
          pipe: tokens.length > 1 ? pipeline(tokens.slice(1), line) : null,
          line,
        };
      }
      default:
        return null;
    }
  }

  private branch(kind: 'if' | 'with' | 'range', tokens: ActionToken[], line: number): Node {
    const pipe = pipeline(tokens, line);
    const { nodes: body, end } = this.list();
    if (!end) throw new TemplateError(`line ${line}: {{ ${kind} }} has no {{ end }}`);
    if (end.word === 'end') return { kind, pipe, body, otherwise: [], line };
    const [next, ...rest] = end.tokens;
    if (next?.type === 'identifier' && (next.name === 'if' || next.name === 'with')) {
      // `else if` / `else with` share the `end` of the branch they continue.
      return { kind, pipe, body, otherwise: [this.branch(next.name, rest, end.line)], line };
    }
    const otherwise = this.closed(line);
    return { kind, pipe, body, otherwise: otherwise.nodes, line };
  }

  private closed(line: number): { nodes: Node[] } {
    const { nodes, end } = this.list();
    if (end?.word !== 'end') throw new TemplateError(`line ${line}: a block has no {{ end }}`);
    return { nodes };
  }
}

function pipeline(tokens: ActionToken[], line: number): Pipeline {
  let rest = tokens;
  let decl: Pipeline['decl'];
  const assignAt = tokens.findIndex((t) => t.type === 'punct' && (t.value === ':=' || t.value === '='));
  if (assignAt > 0 && tokens.slice(0, assignAt).every((t) => t.type === 'variable' || isComma(t))) {
    const names = tokens.slice(0, assignAt).flatMap((t) => (t.type === 'variable' ? [t.name] : []));
    const op = tokens[assignAt]!;
    decl = { names, assign: op.type === 'punct' && op.value === '=' };
    rest = tokens.slice(assignAt + 1);
  }
  const reader = new Operands(rest, line);
  const commands = reader.commands();
  if (!reader.done()) throw new TemplateError(`line ${line}: unexpected ")"`);
  if (commands.length === 0 || commands.some((c) => c.length === 0))
    throw new TemplateError(`line ${line}: an empty command`);
  return decl ? { decl, commands, line } : { commands, line };
}

function isComma(token: ActionToken): boolean {
  return token.type === 'punct' && token.value === ',';
}

class Operands {
  private at = 0;
  constructor(
    private readonly tokens: ActionToken[],
    private readonly line: number,
  ) {}

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  /** Commands separated by `|`, up to a closing parenthesis or the end. */
  commands(): Operand[][] {
    const commands: Operand[][] = [[]];
    while (!this.done()) {
      const token = this.tokens[this.at]!;
      if (token.type === 'punct' && token.value === ')') break;
      this.at++;
      if (token.type === 'punct' && token.value === '|') {
        commands.push([]);
        continue;
      }
      commands[commands.length - 1]!.push(this.operand(token));
    }
    return commands;
  }

  private operand(token: ActionToken): Operand {
    switch (token.type) {
      case 'string':
      case 'number':
      case 'bool':
        return { kind: 'literal', value: token.value };
      case 'nil':
        return { kind: 'literal', value: null };
      case 'variable':
        return { kind: 'variable', name: token.name, fields: this.fields() };
      case 'dot':
        return { kind: 'dot', fields: [] };
      case 'field':
        return { kind: 'dot', fields: [token.name, ...this.fields()] };
      case 'identifier':
        return { kind: 'identifier', name: token.name };
      case 'punct': {
        if (token.value !== '(') throw new TemplateError(`line ${this.line}: unexpected "${token.value}"`);
        const inner = this.commands();
        const close = this.tokens[this.at++];
        if (close?.type !== 'punct' || close.value !== ')')
          throw new TemplateError(`line ${this.line}: "(" is not closed`);
        return { kind: 'pipe', pipe: { commands: inner, line: this.line }, fields: this.fields() };
      }
    }
  }

  /** Fields written right after an operand, with no space between (`$x.A.B`, `(…).A`). */
  private fields(): string[] {
    const fields: string[] = [];
    for (
      let next = this.tokens[this.at];
      next?.type === 'field' && !next.spaceBefore;
      next = this.tokens[this.at]
    ) {
      fields.push(next.name);
      this.at++;
    }
    return fields;
  }
}
