import type { Construct, Event, Extension, Resolver, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { Processor } from 'unified';

/**
 * Emphasis (`*`, `_`) with a bound on its cost. micromark pairs each closing `*`/`_` run by walking back
 * over every event of the paragraph before it, so a paragraph of thousands of unpaired runs (`_a_ _b__ …`,
 * `_*_*…`) takes seconds and grows with the square of its length (20 KB: 10 s). This construct tokenizes
 * exactly as micromark's own (it calls it), and before micromark pairs the runs of one paragraph, counts
 * them: up to `MAX_DELIMITER_RUNS` runs and `MAX_DELIMITER_MARKERS` characters they are paired as always;
 * past either, they are kept as the literal characters they are (the page renders, its text whole) and
 * the paragraph's line is reported. Each pair also costs a pass over the paragraph, hence the character
 * bound (`****…a…****` pairs once per two characters).
 *
 * The limits are far above any real paragraph (a long one has a few dozen runs) and low enough that
 * pairing that many stays within a few tenths of a second.
 */
export const MAX_DELIMITER_RUNS = 1000;
export const MAX_DELIMITER_MARKERS = 4000;

/** The lines of paragraphs whose emphasis was left unpaired, reported by the parse that found them. */
let collecting: number[] | undefined;

/** Runs `parse`, returning what it returned and the lines of paragraphs whose emphasis was left as text. */
export function withUnpairedEmphasisLines<T>(parse: () => T): { result: T; lines: number[] } {
  const outer = collecting;
  const lines: number[] = [];
  collecting = lines;
  try {
    return { result: parse(), lines };
  } finally {
    collecting = outer;
  }
}

/** micromark's own attention construct, as the parser in use holds it. */
function coreAttention(context: TokenizeContext): Construct | undefined {
  // The span resolvers are typed by their `resolveAll` alone; they are the parser's constructs.
  const constructs = (context.parser.constructs.insideSpan.null ?? []) as unknown as readonly Construct[];
  return constructs.find((construct) => construct.name === 'attention');
}

const tokenize: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const core = coreAttention(this);
  if (!core) return nok;
  return core.tokenize.call(this, effects, ok, nok);
};

const resolveAll: Resolver = (events: Event[], context: TokenizeContext): Event[] => {
  let runs = 0;
  let markers = 0;
  for (const [kind, token] of events) {
    if (kind !== 'enter' || token.type !== 'attentionSequence') continue;
    runs++;
    markers += token.end.offset - token.start.offset;
  }
  if (runs > MAX_DELIMITER_RUNS || markers > MAX_DELIMITER_MARKERS) {
    let first: number | undefined;
    for (const [kind, token] of events) {
      if (token.type !== 'attentionSequence') continue;
      if (kind === 'enter') first ??= token.start.line;
      token.type = 'data';
    }
    if (first !== undefined && collecting && !collecting.includes(first)) collecting.push(first);
    return events;
  }
  const core = coreAttention(context);
  return core?.resolveAll ? core.resolveAll(events, context) : events;
};

const boundedAttention: Construct = { name: 'boundedAttention', tokenize, resolveAll };

/** The micromark extension: tried before micromark's own attention, and first among the span resolvers. */
export const boundedAttentionExtension: Extension = {
  text: { 42: boundedAttention, 95: boundedAttention },
  insideSpan: { null: [boundedAttention] },
};

/** remark plugin: parse emphasis with `boundedAttentionExtension`. */
export function remarkBoundedAttention(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: Extension[] };
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(boundedAttentionExtension);
}
