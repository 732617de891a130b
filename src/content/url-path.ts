/** A local URL taken apart: the decoded path (posix separators) and the decoded fragment, if any. */
export interface LocalUrl {
  path: string;
  fragment?: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `../a%20b.md?x=1#Set-up` → `{ path: '../a b.md', fragment: 'Set-up' }`. A query is dropped. */
export function splitLocalUrl(url: string): LocalUrl {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const path = decode(query < 0 ? beforeHash : beforeHash.slice(0, query)).replace(/\\/g, '/');
  return hash < 0 ? { path } : { path, fragment: decode(url.slice(hash + 1)) };
}

export interface JoinedPath {
  /** Normalised posix path relative to the content root, without leading or trailing `/` ('' = the root). */
  path: string;
  /** The path climbs above the content root (`../../etc/passwd`). */
  outside: boolean;
}

/**
 * Resolves `relative` against the folder `base` (both relative to the content root, `''` = the root);
 * a `relative` starting with `/` starts at the content root. `.` and `..` are applied; never touches disk.
 */
export function joinPath(base: string, relative: string): JoinedPath {
  const segments: string[] = [];
  let outside = false;
  const start = relative.startsWith('/') ? [] : base.split('/');
  for (const segment of [...start, ...relative.split('/')]) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) outside = true;
      else segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return { path: outside ? `../${segments.join('/')}` : segments.join('/'), outside };
}

/** The folder of a posix path relative to the content root (`''` for a top-level file). */
export function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/** The extension of the last segment, lower-cased, without the dot ('' when there is none). */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
