import { createHash } from 'node:crypto';

/** A short, stable content digest: sha256 over the parts (NUL-separated), hex, first 24 characters. */
export function digestOf(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  parts.forEach((part, i) => {
    if (i > 0) hash.update('\0');
    hash.update(part);
  });
  return hash.digest('hex').slice(0, 24);
}
