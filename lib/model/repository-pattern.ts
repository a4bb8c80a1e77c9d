import { SpecError } from './errors';

/**
 * Repository patterns of the access model: a repository name in which `*` stands for any run of
 * characters, `/` included. So `*` is every repository, `app/*` is `app/demo` and `app/team/api`,
 * and a pattern without `*` is exactly one repository. (This is wider than docker_auth's own glob,
 * whose `*` stops at `/`; the renderer translates a pattern into an anchored regular expression.)
 */

/** Lower-case letters, digits, the separators `.`, `_`, `-`, `/`, and `*`; at most 255 characters. */
const PATTERN = /^[a-z0-9*][a-z0-9._\-/*]{0,254}$/;

/** Validates a repository pattern. */
export function checkRepositoryPattern(path: string, value: unknown): string {
  if (typeof value !== 'string' || !PATTERN.test(value) || value.includes('//')) {
    throw new SpecError(
      path,
      value,
      'allowed: a repository name of lower-case letters, digits, ".", "_", "-" and "/", where "*" ' +
        'stands for any characters including "/" (for example "app/*" or "*")',
    );
  }
  return value;
}

/** The anchored RE2 regular expression (Go syntax) that matches what `pattern` matches. */
export function patternRegex(pattern: string): string {
  return pattern
    .split('*')
    .map((part) => part.replace(/[.\\+?^$()[\]{}|]/g, (c) => `\\${c}`))
    .join('.*');
}

/** Whether `name` is matched by `pattern`. */
export function patternMatches(pattern: string, name: string): boolean {
  return new RegExp(`^(?:${patternRegex(pattern)})$`).test(name);
}

/** Runs `step` from positions (0, 0) of two patterns, the second `qLength` long, remembering every answer. */
function memoWalk(
  qLength: number,
  step: (i: number, j: number, walk: (i: number, j: number) => boolean) => boolean,
): boolean {
  const memo = new Map<number, boolean>();
  const walk = (i: number, j: number): boolean => {
    const key = i * (qLength + 1) + j;
    let result = memo.get(key);
    if (result === undefined) {
      result = step(i, j, walk);
      memo.set(key, result);
    }
    return result;
  };
  return walk(0, 0);
}

/**
 * Whether some repository name is matched by both patterns (the languages intersect). Exact: a
 * `*` can produce any text, so the two patterns share a name exactly when they can be walked
 * together, a literal character meeting the same character or a `*`.
 */
export function patternsOverlap(p: string, q: string): boolean {
  return memoWalk(q.length, (i, j, walk) => {
    if (i === p.length && j === q.length) return true;
    if (i < p.length && p[i] === '*') return walk(i + 1, j) || (j < q.length && walk(i, j + 1));
    if (j < q.length && q[j] === '*') return walk(i, j + 1) || (i < p.length && walk(i + 1, j));
    return i < p.length && j < q.length && p[i] === q[j] && walk(i + 1, j + 1);
  });
}

/**
 * Whether every name `p` matches is also matched by `q`. Sound (a `true` is always right): `q`
 * must match `p` read as text in which each `*` of `p` is a symbol only a `*` of `q` can absorb.
 * It can miss an inclusion of unusual shape; the caller then treats the two as overlapping.
 */
export function patternCovers(q: string, p: string): boolean {
  return memoWalk(q.length, (i, j, walk) => {
    if (j === q.length) return i === p.length;
    if (q[j] === '*') return walk(i, j + 1) || (i < p.length && walk(i + 1, j));
    return i < p.length && p[i] !== '*' && p[i] === q[j] && walk(i + 1, j + 1);
  });
}
