/**
 * Go's `time.ParseDuration`, as the registry and docker_auth read durations: an optional sign,
 * then one or more decimal numbers each with a unit (`ns`, `us`, `µs`, `μs`, `ms`, `s`, `m`,
 * `h`), for example `300ms`, `1.5h`, `2h45m`, `.5s`; `0` alone needs no unit. The total must fit
 * in a signed 64-bit count of nanoseconds (about 2562047h), or Go refuses it.
 */

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n, // U+00B5 micro sign
  μs: 1000n, // U+03BC Greek small letter mu
  ms: 1000000n,
  s: 1000000000n,
  m: 60n * 1000000000n,
  h: 3600n * 1000000000n,
};

const MAX = (1n << 63n) - 1n;

/** Why a duration is refused, or its length in nanoseconds. */
export type GoDurationResult =
  { readonly ok: true; readonly nanoseconds: bigint } | { readonly ok: false; readonly reason: string };

/** Parses a duration exactly as Go's `time.ParseDuration` does (same accepts, same overflow). */
export function parseGoDuration(text: string): GoDurationResult {
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanoseconds: 0n };
  if (s === '') return { ok: false, reason: 'empty' };
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = m?.[1] ?? '';
    const fraction = m?.[2];
    if (whole === '' && (fraction === undefined || fraction === '')) {
      return { ok: false, reason: 'a number must come before each unit' };
    }
    s = s.slice(m?.[0].length ?? 0);
    const u = /^[^\d.]+/.exec(s)?.[0];
    if (u === undefined) return { ok: false, reason: 'missing unit (ns, us, ms, s, m or h)' };
    const unit = UNITS[u];
    if (unit === undefined) return { ok: false, reason: `unknown unit "${u}" (ns, us, ms, s, m or h)` };
    s = s.slice(u.length);
    // Go reads the whole part as an integer (overflow is an error) and the fraction's digits as an
    // integer with a power-of-ten scale (digits past 2^63 are dropped), then adds
    // uint64(float64(f) * (float64(unit) / scale)): the same float64 steps are taken here.
    const v = BigInt(whole === '' ? '0' : whole);
    if (v > (1n << 63n) / unit) return { ok: false, reason: 'overflows Go’s time.Duration (about 2562047h)' };
    let part = v * unit;
    if (fraction !== undefined && fraction !== '') {
      let f = 0n;
      let scale = 1;
      let overflow = false;
      for (const c of fraction) {
        if (overflow) continue;
        if (f > ((1n << 63n) - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(c);
        if (y > 1n << 63n) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      if (f > 0n) part += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (part > 1n << 63n) return { ok: false, reason: 'overflows Go’s time.Duration (about 2562047h)' };
    }
    total += part;
    if (total > 1n << 63n) return { ok: false, reason: 'overflows Go’s time.Duration (about 2562047h)' };
  }
  if (!negative && total > MAX) return { ok: false, reason: 'overflows Go’s time.Duration (about 2562047h)' };
  return { ok: true, nanoseconds: negative ? -total : total };
}

const NS_PER_SECOND = 1_000_000_000n;

/** Formats nanoseconds exactly as Go's `time.Duration.String` does (`1m30s`, `1.5s`, `500ms`). */
export function formatGoDuration(nanoseconds: bigint): string {
  if (nanoseconds === 0n) return '0s';
  const negative = nanoseconds < 0n;
  let u = negative ? -nanoseconds : nanoseconds;
  const fraction = (value: bigint, digits: number): string => {
    const scale = 10n ** BigInt(digits);
    const rest = (value % scale).toString().padStart(digits, '0').replace(/0+$/, '');
    return `${value / scale}${rest === '' ? '' : `.${rest}`}`;
  };
  let text: string;
  if (u < NS_PER_SECOND) {
    if (u < 1000n) text = `${u}ns`;
    else if (u < 1_000_000n) text = `${fraction(u, 3)}µs`;
    else text = `${fraction(u, 6)}ms`;
  } else {
    const hours = u / (3600n * NS_PER_SECOND);
    u %= 3600n * NS_PER_SECOND;
    const minutes = u / (60n * NS_PER_SECOND);
    u %= 60n * NS_PER_SECOND;
    text = `${fraction(u, 9)}s`;
    if (hours > 0n) text = `${hours}h${minutes}m${text}`;
    else if (minutes > 0n) text = `${minutes}m${text}`;
  }
  return negative ? `-${text}` : text;
}
