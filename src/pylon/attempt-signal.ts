/**
 * The abort signal of one HTTP attempt: the caller's signal (client closed) or the per-attempt timeout,
 * whichever comes first. Built from a plain controller rather than `AbortSignal.any` + `AbortSignal.timeout`:
 * on Node 20, a fetch whose connection is reset while it holds such a combined signal never settles, and
 * with only an unreferenced timer left the process exits (code 13) without a word. A referenced timer,
 * cleared by `done()`, keeps the process alive until the attempt ends.
 */
export interface AttemptSignal {
  signal: AbortSignal;
  /** Call when the attempt is over (response read or failed). */
  done(): void;
}

export function attemptSignal(parent: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`no response within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}
