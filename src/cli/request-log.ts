import type { ClientEvent } from '../pylon/api.js';
import type { CommandInput } from './command-spec.js';
import type { CliIO } from './io.js';

/**
 * `--debug` / `PYLON_KB_DEBUG=1`: one line per HTTP request on stderr, for finding out what a run asked of
 * Pylon (or Truto, or the emulator) and what came back. The line holds the method, the path with its
 * query, the status (or the network error), the time and the attempt; never a header, so never the
 * token, and never a body. Stderr is the terminal stream that redacts every configured secret as well.
 */

/** Whether the run logs its requests: the flag, or `PYLON_KB_DEBUG` set to anything but empty, `0`, `false`. */
export function debugRequested(input: Pick<CommandInput, 'values' | 'io'>): boolean {
  if (input.values.debug === true) return true;
  const env = input.io.env.PYLON_KB_DEBUG?.trim().toLowerCase();
  return env !== undefined && env !== '' && env !== '0' && env !== 'false' && env !== 'no';
}

/** The line of one request: `debug: GET /knowledge-bases?limit=100 -> 200 (41 ms, attempt 1)`. */
export function requestLine(event: Extract<ClientEvent, { type: 'http' }>): string {
  const via = event.via === 'direct' ? '' : ` via ${event.via}`;
  const outcome = event.status !== null ? String(event.status) : `no response (${event.failure ?? 'error'})`;
  return `debug: ${event.method} ${event.path} -> ${outcome} (${event.ms} ms, attempt ${event.attempt}${via})`;
}

/**
 * A request about to be tried again after a failure (a refused connection, a timeout, a 502): said on
 * stderr whether or not debugging was asked for, so a wrong port is not retried in silence for seconds.
 * A 429 is left out: the wait it causes is the rate limit's, which progress shows.
 */
export function retryLine(event: Extract<ClientEvent, { type: 'retry' }>): string | undefined {
  if (event.reason.startsWith('rate_limited')) return undefined;
  const seconds = (event.delayMs / 1000).toFixed(1);
  return `Retrying ${event.endpoint} in ${seconds} s (attempt ${event.attempt} failed: ${event.reason})`;
}

/**
 * The client's event handler for a command: `then` (a progress display, or nothing), with the retries
 * said, and the request log in front of it when debugging was asked for.
 */
export function clientEvents(
  input: Pick<CommandInput, 'values' | 'io'>,
  then?: (event: ClientEvent) => void,
): (event: ClientEvent) => void {
  const debug = debugRequested(input);
  const { stderr } = input.io as CliIO;
  return (event) => {
    if (debug && event.type === 'http') stderr.write(`${requestLine(event)}\n`);
    const retry = event.type === 'retry' ? retryLine(event) : undefined;
    if (retry) stderr.write(`${retry}\n`);
    then?.(event);
  };
}
