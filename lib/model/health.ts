import { checkBool, checkDuration, checkInt, checkSwitchableSection } from './checks';

/** The registry's own storage-driver health check (served on the debug port's `/debug/health`). */
export interface HealthSpec {
  /** Check the storage driver periodically. @default true */
  readonly storageDriver?: boolean;
  /** Time between checks. @default '10s' */
  readonly interval?: string;
  /** Failures in a row before the registry reports unhealthy. @default 3 */
  readonly threshold?: number;
}

/** Health settings with defaults filled in. */
export type ResolvedHealth = Required<HealthSpec>;

/** Fills in health defaults and validates. */
export function resolveHealth(path: string, given?: HealthSpec | false): ResolvedHealth {
  const switchable = checkSwitchableSection(path, given);
  const spec: HealthSpec = switchable === false ? { storageDriver: false } : (switchable ?? {});
  return {
    storageDriver: checkBool(`${path}.storageDriver`, spec.storageDriver ?? true),
    interval: checkDuration(`${path}.interval`, spec.interval ?? '10s'),
    threshold: checkInt(`${path}.threshold`, spec.threshold ?? 3, 1, 100),
  };
}
