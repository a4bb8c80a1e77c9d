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

/** A container health check: every 10 s, 5 s timeout, 3 retries, after `startPeriod`. */
export function healthcheck(
  test: string[],
  startPeriod = '5s',
): { test: string[]; interval: string; timeout: string; retries: number; startPeriod: string } {
  return { test, interval: '10s', timeout: '5s', retries: 3, startPeriod };
}
