import { DEFAULT_HEALTHCHECK_TIMING, ResolvedHealthcheckTiming } from '../model/healthcheck-timing';

/** Container settings every component gets unless its image needs otherwise. */
export interface Hardening {
  /** Capabilities to drop. */
  readonly drop: string[];
  /** Capabilities to add back (only what the image's process needs). */
  readonly add: string[];
  /** Docker security options. */
  readonly securityOpts: string[];
}

/**
 * Drops every capability and forbids privilege escalation; `add` lists the capabilities the
 * image's process really needs (for example an nginx master that switches user), with or
 * without the `CAP_` prefix (the result always has it).
 */
export function hardening(add: readonly string[] = []): Hardening {
  // The engine reports added capabilities as `CAP_<NAME>`; written the same way, the provider's
  // read-back matches the configuration and the plan after a deploy stays empty.
  const names = add.map((c) => (c.startsWith('CAP_') ? c : `CAP_${c}`));
  return { drop: ['ALL'], add: names.sort(), securityOpts: ['no-new-privileges:true'] };
}

/** A container's health check as both engines' Docker providers take it. */
export interface ContainerHealthcheck {
  readonly test: string[];
  readonly interval: string;
  readonly timeout: string;
  readonly retries: number;
  readonly startPeriod: string;
  /** Only when set (Docker 25 or later). */
  readonly startInterval?: string;
}

/**
 * A container health check: every `timing.interval` (10 s by default), 5 s timeout, 3 retries,
 * after `startPeriod`; `timing.startInterval` during the start period where set.
 */
export function healthcheck(
  test: string[],
  startPeriod = '5s',
  timing: ResolvedHealthcheckTiming = DEFAULT_HEALTHCHECK_TIMING,
): ContainerHealthcheck {
  return {
    test,
    interval: timing.interval,
    timeout: '5s',
    retries: 3,
    startPeriod,
    ...(timing.startInterval !== undefined ? { startInterval: timing.startInterval } : {}),
  };
}
