import { SpecError } from './errors';

/** Prometheus' and Alertmanager's duration grammar (prometheus/common `model.ParseDuration`). */
const PROMETHEUS_DURATION =
  /^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$/;

/**
 * A duration as Prometheus and Alertmanager read them in their configuration and rules: whole
 * numbers with units in the order y, w, d, h, m, s, ms, for example `30s`, `2m`, `15d`, `1h30m`;
 * `0` alone. Not Go's grammar: no fractions and no `us`, but days and weeks.
 */
export function checkPrometheusDuration(path: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || (value !== '0' && !PROMETHEUS_DURATION.test(value))) {
    throw new SpecError(
      path,
      value,
      'allowed: a Prometheus duration such as "30s", "5m", "4h", "15d" or "1h30m" (whole numbers; units y, w, d, h, m, s, ms in that order)',
    );
  }
  return value;
}
