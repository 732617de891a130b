import { createHash, randomInt, randomUUID } from 'node:crypto';

/** A UUID-shaped id derived from a name, so seeded objects have the same id on every run. */
export function seededId(kind: string, name: string): string {
  const hex = createHash('sha256').update(`pylon-emulator:${kind}:${name}`).digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A fresh UUIDv4 for objects created through the API. */
export function randomId(): string {
  return randomUUID();
}

function tenDigits(n: number): string {
  return String(1_000_000_000 + (n % 9_000_000_000));
}

/** A unique 10-digit numeric string; deterministic when `name` is given. */
export function newIdentifier(taken: Set<string>, name?: string): string {
  let candidate: string;
  if (name === undefined) {
    do candidate = tenDigits(randomInt(0, 2 ** 47)) as string;
    while (taken.has(candidate));
  } else {
    const hex = createHash('sha256').update(`pylon-emulator:identifier:${name}`).digest('hex');
    let n = Number.parseInt(hex.slice(0, 12), 16);
    candidate = tenDigits(n);
    while (taken.has(candidate)) candidate = tenDigits(++n);
  }
  taken.add(candidate);
  return candidate;
}
