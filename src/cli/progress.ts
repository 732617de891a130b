import type { ApplyEvent } from '../apply/context.js';
import type { Operation } from '../plan/types.js';
import type { ClientEvent } from '../pylon/api.js';
import type { OutputStream } from './io.js';

function label(op: Operation): string {
  return `${op.kind} ${op.key}`;
}

/**
 * Apply progress. On a terminal: one line, rewritten in place (done/total, the current operation, rate-limit
 * waits), cleared at the end. Elsewhere (CI logs): a plain line per tenth of the operations done, with the
 * counts so far, and one per rate-limit wait. Neither names each operation: the plan before and the results
 * after list every one (with its title and URL), so a created article is listed once in each.
 */
export class ApplyProgress {
  private done = 0;
  private readonly statuses = new Map<string, number>();
  private current = '';
  private waiting = '';
  private readonly interactive: boolean;

  constructor(
    private readonly out: OutputStream,
    private readonly total: number,
  ) {
    this.interactive = out.isTTY === true;
  }

  onApplyEvent = (event: ApplyEvent): void => {
    if (event.type === 'start') {
      this.current = label(event.op);
      this.render();
      return;
    }
    this.done++;
    // A wait shown on the line is over once a request went through.
    this.waiting = '';
    const { status } = event.result;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (!this.interactive && this.tenth(this.done) > this.tenth(this.done - 1)) {
      const counts = [...this.statuses].map(([name, n]) => `${n} ${name}`).join(', ');
      this.out.write(`[${this.done}/${this.total}] ${counts}\n`);
    }
    this.render();
  };

  /** Which tenth of the operations `n` done reaches (every operation when there are ten or fewer). */
  private tenth(n: number): number {
    return this.total <= 10 ? n : Math.floor((n * 10) / this.total);
  }

  onClientEvent = (event: ClientEvent): void => {
    if (event.type !== 'rate-limit-wait' || event.ms < 50) return;
    const seconds = (event.ms / 1000).toFixed(1);
    this.waiting = `waiting ${seconds}s for the ${event.endpoint} rate limit${event.reason === '429' ? ' (429 from server)' : ''}`;
    if (!this.interactive) this.out.write(`  ${this.waiting}\n`);
    this.render();
  };

  private render(): void {
    if (!this.interactive) return;
    const width = Math.max(40, (this.out.columns ?? 100) - 1);
    const line = `[${this.done}/${this.total}] ${this.current}${this.waiting ? ` · ${this.waiting}` : ''}`;
    this.out.write(`\r${line.slice(0, width).padEnd(width)}`);
  }

  finish(): void {
    if (!this.interactive) return;
    const width = Math.max(40, (this.out.columns ?? 100) - 1);
    this.out.write(`\r${' '.repeat(width)}\r`);
  }
}
