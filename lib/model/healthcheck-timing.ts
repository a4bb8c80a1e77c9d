import { checkSpec } from './checks';
import { SpecError } from './errors';
import { formatGoDuration, parseGoDuration } from './go-duration';

/**
 * When the engine runs every container's health check. One setting for a whole app or stack (in
 * cdktf the context key {@link HEALTHCHECK_CONTEXT_KEY}; in Pulumi the stack config
 * `registry-platform:healthcheck`): it depends on the Docker engine and the host, not on a
 * component.
 */
export interface HealthcheckTimingSpec {
  /**
   * Time between checks, also before the first one (Docker runs the first check one interval
   * after the start, so `cdktf deploy` waits about this long for each healthy container).
   * 1s to 1h, written as Go prints durations (`'10s'`, `'1m30s'`) so the engine's read-back
   * matches and the plan after a deploy stays empty. @default '10s'
   */
  readonly interval?: string;
  /**
   * Time between checks during the start period (Docker 25 or later, API 1.44: older engines
   * drop it, and the plan after a deploy then shows a change). 100ms up to `interval`.
   * @default not set (the engine checks every `interval` from the start)
   */
  readonly startInterval?: string;
}

/** Health check timing with its default filled in. */
export interface ResolvedHealthcheckTiming {
  readonly interval: string;
  readonly startInterval?: string;
}

/** The cdktf context key that holds a {@link HealthcheckTimingSpec} for every container below. */
export const HEALTHCHECK_CONTEXT_KEY = 'registry-platform:healthcheck';

/** The default: a check every 10 s from the start. */
export const DEFAULT_HEALTHCHECK_TIMING: ResolvedHealthcheckTiming = { interval: '10s' };

const SECOND = 1_000_000_000n;

function checkTiming(path: string, value: unknown, min: bigint, max: bigint, range: string): bigint {
  const parsed = typeof value === 'string' ? parseGoDuration(value) : undefined;
  if (parsed === undefined || !parsed.ok || parsed.nanoseconds < min || parsed.nanoseconds > max) {
    throw new SpecError(path, value, `allowed: a Go duration from ${range}, such as "2s" or "10s"`);
  }
  const canonical = formatGoDuration(parsed.nanoseconds);
  if (canonical !== value) {
    throw new SpecError(
      path,
      value,
      `allowed: the duration as Go prints it, "${canonical}" (the engine reports it that way; another spelling shows a change in every plan)`,
    );
  }
  return parsed.nanoseconds;
}

/**
 * Validates health check timing and fills in its default.
 * @param path where the user set it, for errors (for example the cdktf context key)
 * @throws SpecError naming `<path>.<prop>`
 */
export function resolveHealthcheckTiming(
  path: string,
  given?: HealthcheckTimingSpec,
): ResolvedHealthcheckTiming {
  if (given === undefined) return DEFAULT_HEALTHCHECK_TIMING;
  const spec = checkSpec(path, given) as HealthcheckTimingSpec;
  // It comes from JSON (cdktf.json, Pulumi config) where no type catches a misspelt key.
  for (const key of Object.keys(spec)) {
    if (key !== 'interval' && key !== 'startInterval') {
      throw new SpecError(
        `${path}.${key}`,
        (spec as Record<string, unknown>)[key],
        'allowed keys: "interval" and "startInterval"',
      );
    }
  }
  const interval = spec.interval ?? DEFAULT_HEALTHCHECK_TIMING.interval;
  const intervalNs = checkTiming(`${path}.interval`, interval, SECOND, 3600n * SECOND, '1s to 1h');
  if (spec.startInterval === undefined) return { interval };
  checkTiming(
    `${path}.startInterval`,
    spec.startInterval,
    SECOND / 10n,
    intervalNs,
    `100ms to the interval (${interval})`,
  );
  return { interval, startInterval: spec.startInterval };
}
