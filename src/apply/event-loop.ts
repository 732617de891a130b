import { setImmediate as immediate } from 'node:timers/promises';

/**
 * Lets the event loop run timers and read sockets before the next write goes out. After a long
 * synchronous step (planning a large tree), a keep-alive connection the server closed meanwhile is still
 * in the pool until the loop reads its close; a request sent on it first fails with "other side closed",
 * and a create whose outcome is then unknown costs recovery reads. Two turns: the first may end in the
 * same loop iteration whose I/O was already polled; the second comes after a fresh poll.
 */
export async function yieldToEventLoop(): Promise<void> {
  await immediate();
  await immediate();
}
