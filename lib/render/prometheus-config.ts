import { AlertRule } from '../model/alert-rules';
import { ResolvedMonitoring } from '../model/monitoring';
import { RenderedFile } from './file';
import { toYaml } from './yaml';

/** One scrape job: a name and the `host:port` targets on the monitoring network. */
export interface ScrapeJob {
  /** The job label (`registry`, `node`, `redis`, `alertmanager`, `prometheus`). */
  readonly name: string;
  /** `host:port` of each target. */
  readonly targets: readonly string[];
}

/** Inputs of {@link renderPrometheusConfig} that do not come from the spec. */
export interface PrometheusConfigInputs {
  /** Where the file goes. */
  readonly path: string;
  /** The scrape jobs. */
  readonly jobs: readonly ScrapeJob[];
  /** `host:port` of each Alertmanager. */
  readonly alertmanagers: readonly string[];
  /** Paths of the rule files. */
  readonly ruleFiles: readonly string[];
}

/**
 * Renders `prometheus.yml` with only fields Prometheus 2.42 and 3.x both read: global intervals,
 * the Alertmanagers, the rule files and one static scrape job per component. Retention is a
 * command-line setting (see the Prometheus plan), not part of this file.
 */
export function renderPrometheusConfig(
  spec: ResolvedMonitoring,
  inputs: PrometheusConfigInputs,
): RenderedFile {
  const doc = {
    global: {
      scrape_interval: spec.scrapeInterval,
      evaluation_interval: spec.evaluationInterval,
      scrape_timeout: minDuration(spec.scrapeInterval, '10s'),
    },
    alerting: { alertmanagers: [{ static_configs: [{ targets: [...inputs.alertmanagers] }] }] },
    rule_files: [...inputs.ruleFiles],
    scrape_configs: inputs.jobs.map((j) => ({
      job_name: j.name,
      static_configs: [{ targets: [...j.targets] }],
    })),
  };
  return { path: inputs.path, content: toYaml(doc), mode: '0644' };
}

/** Renders the alert rules as a Prometheus rule file (one group, `registry`). */
export function renderAlertRules(path: string, rules: readonly AlertRule[], interval: string): RenderedFile {
  const doc = {
    groups: [
      {
        name: 'registry',
        interval,
        rules: rules.map((r) => ({
          alert: r.alert,
          expr: r.expr,
          for: r.for,
          labels: { severity: r.severity },
          annotations: { summary: r.summary, description: r.description },
        })),
      },
    ],
  };
  return { path, content: toYaml(doc), mode: '0644' };
}

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60000,
  h: 3600000,
  d: 86400000,
  w: 604800000,
  y: 31536000000,
};

function millis(d: string): number {
  let total = 0;
  for (const m of d.matchAll(/(\d+)(ms|y|w|d|h|m|s)/g)) total += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 0);
  return total;
}

/** The shorter of two Prometheus durations (a scrape timeout may not exceed the interval). */
function minDuration(a: string, b: string): string {
  return millis(a) <= millis(b) ? a : b;
}
