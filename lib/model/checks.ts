import { SpecError } from './errors';
import { parseGoDuration } from './go-duration';

/**
 * Small validators shared by the model. Each one throws a {@link SpecError} that names the
 * property path, shows the value and says what is allowed; each returns the value narrowed.
 */

/** An RFC 1123 hostname: dot-separated labels of letters, digits and inner hyphens. */
const HOSTNAME =
  /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** A dotted-quad IPv4 address. */
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** A TCP port, 1–65535. */
export function checkPort(path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new SpecError(path, value, 'a port must be a whole number from 1 to 65535');
  }
  return value;
}

/** A whole number within bounds. */
export function checkInt(path: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SpecError(path, value, `allowed: a whole number from ${min} to ${max}`);
  }
  return value;
}

/** A boolean. */
export function checkBool(path: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new SpecError(path, value, 'allowed: true or false');
  return value;
}

/** One of a fixed list of values. */
export function checkOneOf<T extends string | number>(
  path: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new SpecError(path, value, `allowed: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return value as T;
}

/** A Go duration string such as `10s` or `168h`. */
export function checkDuration(path: string, value: unknown): string {
  const parsed = typeof value === 'string' ? parseGoDuration(value) : undefined;
  if (parsed === undefined || !parsed.ok || parsed.nanoseconds < 0n) {
    throw new SpecError(
      path,
      value,
      'allowed: a Go duration of 0 or more, such as "500ms", "10s", "1.5h" or "168h" ' +
        `(numbers with units ns, us, ms, s, m, h; at most about 2562047h)${parsed !== undefined && !parsed.ok ? `: ${parsed.reason}` : ''}`,
    );
  }
  return value as string;
}

/** A DNS hostname (no scheme, no port, no spaces). */
export function checkHostname(path: string, value: unknown): string {
  if (typeof value !== 'string' || !(HOSTNAME.test(value) || IPV4.test(value))) {
    throw new SpecError(
      path,
      value,
      'allowed: a DNS name of letters, digits, hyphens and dots (no scheme, port or spaces), or an IPv4 address',
    );
  }
  return value;
}

/** An IPv4 address to bind published ports to. */
export function checkIpv4(path: string, value: unknown): string {
  if (typeof value !== 'string' || !IPV4.test(value)) {
    throw new SpecError(path, value, 'allowed: an IPv4 address such as "127.0.0.1" or "0.0.0.0"');
  }
  return value;
}

/** A Docker object name (container, network, volume): letters, digits, `_`, `.`, `-`. */
export function checkDockerName(path: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/.test(value)) {
    throw new SpecError(
      path,
      value,
      'allowed: 1 to 63 characters of letters, digits, "_", "." and "-", starting with a letter or digit',
    );
  }
  return value;
}

/** A non-empty string without whitespace or control characters. */
export function checkWord(path: string, value: unknown): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (typeof value !== 'string' || value.length === 0 || /[\s\u0000-\u001f]/.test(value)) {
    throw new SpecError(path, value, 'allowed: a non-empty string without spaces or control characters');
  }
  return value;
}

/** An absolute URL with one of the given schemes. */
export function checkUrl(path: string, value: unknown, schemes: readonly string[]): string {
  let ok = false;
  if (typeof value === 'string') {
    try {
      const url = new URL(value);
      ok = schemes.includes(url.protocol.replace(/:$/, '')) && url.hostname.length > 0 && !/\s/.test(value);
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    throw new SpecError(path, value, `allowed: an absolute URL with scheme ${schemes.join(' or ')}`);
  }
  return value as string;
}

/** A list of strings, each checked by `each`. */
export function checkList<T>(path: string, value: unknown, each: (p: string, v: unknown) => T): T[] {
  if (!Array.isArray(value)) throw new SpecError(path, value, 'allowed: a list');
  return value.map((v, i) => each(`${path}[${i}]`, v));
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** HTTP headers as the registry takes them: a name (RFC 9110 token) to a list of single-line values. */
export function checkHeaders(
  path: string,
  headers: Readonly<Record<string, readonly string[]>>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) {
      throw new SpecError(path, name, 'allowed: header names of letters, digits and - (RFC 9110 tokens)');
    }
    out[name] = checkList(`${path}.${name}`, values, (p, v) => {
      if (typeof v !== 'string' || /[\r\n]/.test(v))
        throw new SpecError(p, v, 'allowed: a single-line string');
      return v;
    });
  }
  return out;
}

/**
 * A section of a spec: an object, or nothing (the defaults). `null`, a list, a string or a
 * boolean is refused, so a JavaScript or JSON caller's mistake is named instead of crashing.
 */
export function checkSection<T extends object>(path: string, value: T | undefined): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SpecError(path, value, 'allowed: an object (or leave it out for the defaults)');
  }
  return value;
}

/** A section that `false` turns off: an object, `false`, or nothing (the defaults). */
export function checkSwitchableSection<T extends object>(
  path: string,
  value: T | false | undefined,
): T | false | undefined {
  if (value === false || value === undefined) return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SpecError(
      path,
      value,
      'allowed: an object, false to turn it off, or leave it out for the defaults',
    );
  }
  return value;
}

/** An absolute path inside a container: starts with `/`, no whitespace or control characters. */
export function checkAbsolutePath(path: string, value: unknown): string {
  // eslint-disable-next-line no-control-regex -- control characters (NUL included) are what is refused
  if (typeof value !== 'string' || !value.startsWith('/') || /[\s\u0000-\u001f\u007f]/.test(value)) {
    throw new SpecError(path, value, 'allowed: an absolute path without spaces or control characters');
  }
  return value;
}

const REF_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REF_DOMAIN =
  '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?';
const IMAGE_REFERENCE = new RegExp(
  `^(?:${REF_DOMAIN}/)?${REF_COMPONENT}(?:/${REF_COMPONENT})*` +
    '(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})?$',
);

/**
 * An image reference as Docker parses it (`[host[:port]/]path[:tag][@digest]`, lower-case path
 * components, a name of at most 255 characters), for example `registry:2.8.3` or
 * `mirror.lab:5000/library/nginx:1.27-alpine`.
 */
export function checkImage(path: string, value: unknown): string {
  const name = typeof value === 'string' ? value.replace(/[:@].*$/, '') : '';
  if (typeof value !== 'string' || !IMAGE_REFERENCE.test(value) || name.length > 255) {
    throw new SpecError(
      path,
      value,
      'allowed: an image reference such as "registry:2.8.3" or "host:5000/team/app:1.0" (lower-case name, optional tag and digest)',
    );
  }
  return value;
}

/**
 * Refuses `null` anywhere in a spec (a JSON or JavaScript caller's "no value" is `undefined` or
 * leaving the key out): `null` would otherwise read as "use the default" in one place and crash in
 * another. The error names the first property that holds it.
 */
export function checkNoNull(path: string, value: unknown, seen: Set<unknown> = new Set()): void {
  if (value === null) {
    throw new SpecError(
      path,
      null,
      'allowed: a value, or leave the property out for its default (null is not a value here)',
    );
  }
  if (typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (v === undefined)
        throw new SpecError(`${path}[${i}]`, undefined, 'allowed: a value (a list may not hold undefined)');
      checkNoNull(`${path}[${i}]`, v, seen);
    });
  } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    for (const [k, v] of Object.entries(value)) checkNoNull(`${path}.${k}`, v, seen);
  }
}

/**
 * The top of a spec a caller hands in: no `null` anywhere in it, and an object (or nothing, for
 * every default). Every resolver starts here, so a JavaScript or JSON caller's wrong shape is a
 * {@link SpecError} naming the property, never a crash.
 */
export function checkSpec<T extends object>(path: string, value: T | undefined): Partial<T> {
  checkNoNull(path, value);
  return checkSection(path, value) ?? {};
}
