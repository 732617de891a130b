import { placeholdersIn } from '../identity/placeholders.js';
import type { CreateArticleOp, MoveArticleOp } from '../plan/types.js';

type Creating = CreateArticleOp | MoveArticleOp;

export interface CreateOrder {
  /** Layers to run one after the other: every article's link targets are in an earlier layer. */
  layers: Creating[][];
  /** Articles in a cycle of links: created last with those links pending, then updated. */
  cyclic: Creating[];
}

function targetsOf(op: Creating): string[] {
  return [op.bodyHtml, ...op.translations.map((t) => t.bodyHtml)].flatMap(
    (html) => placeholdersIn(html).articles,
  );
}

/** Orders the creates of one run so that link targets are created before the articles linking to them. */
export function orderCreates(ops: readonly Creating[]): CreateOrder {
  const byKey = new Map(ops.map((op) => [op.key, op]));
  const waitingOn = new Map(
    ops.map((op) => [op, new Set(targetsOf(op).filter((key) => key !== op.key && byKey.has(key)))]),
  );
  const layers: Creating[][] = [];
  const done = new Set<string>();
  for (;;) {
    const ready = [...waitingOn].filter(([, deps]) => [...deps].every((d) => done.has(d))).map(([op]) => op);
    if (ready.length === 0) break;
    layers.push(ready);
    for (const op of ready) {
      done.add(op.key);
      waitingOn.delete(op);
    }
  }
  return { layers, cyclic: [...waitingOn.keys()] };
}
