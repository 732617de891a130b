import type { ApplyEvent } from '../apply/context.js';
import type { Operation } from '../plan/types.js';
import type { ClientEvent } from '../pylon/api.js';
import type { OutputStream } from './io.js';

function label(op: Operation): string {
  return `${op.kind} ${op.key}`;
}

/**
 * Apply progress. On a terminal: one line, rewritten in place (done/total, the current operation, rate-limit
 * waits). Elsewhere (CI logs): one plain line per finished operation and per rate-limit wait.
 */
export class ApplyProgress {
  private done = 0;
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
    const { result } = event;
    if (!this.interactive) {
      const detail = result.status === 'failed' ? `: ${result.error.message}` : '';
      this.out.write(`[${this.done}/${this.total}] ${result.status} ${label(result.op)}${detail}\n`);
    }
    this.render();
  };

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
    if (this.interactive) this.out.write('\n');
  }
}
