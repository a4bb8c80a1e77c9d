import { AlertTuning, Severity } from './monitoring';

/** One Prometheus alerting rule, as data. */
export interface AlertRule {
  /** Alert name. */
  readonly alert: string;
  /** PromQL expression; the alert fires for each series it returns. */
  readonly expr: string;
  /** How long the expression must hold before the alert fires. */
  readonly for: string;
  /** `critical` or `warning` (Alertmanager routes on it). */
  readonly severity: Severity;
  /** One line for people. */
  readonly summary: string;
  /** What it means and what to look at (may use `{{ $labels.instance }}`). */
  readonly description: string;
  /** Every metric name the expression reads: each must exist in the live series. */
  readonly metrics: readonly string[];
}

/** What is monitored: decides which rules apply and what they select. */
export interface MonitoredPlatform {
  /** Registry major version (notification metrics exist in 3.x only). */
  readonly registryVersion: 2 | 3;
  /** Where node-exporter sees the registry's data volume. */
  readonly dataMountpoint: string;
  /** Whether the platform has Redis (scraped through redis_exporter as job `redis`). */
  readonly redis: boolean;
  /** Whether the registries send notifications. */
  readonly notifications: boolean;
}

/**
 * The registry platform's alert rules, built only on metrics that exist: `up` of the `registry`
 * job (the replicas' debug ports), `registry_http_requests_total` and
 * `registry_http_request_duration_seconds` (both dialects), node-exporter's
 * `node_filesystem_avail_bytes`/`node_filesystem_size_bytes` on the data volume's mount point
 * (the registry exports no free-space metric), redis_exporter's `redis_up` where there is Redis,
 * and `registry_notifications_events_total` where registry 3.x sends notifications (2.x exports
 * no notification metrics).
 */
export function registryAlertRules(t: Required<AlertTuning>, p: MonitoredPlatform): AlertRule[] {
  const rules: AlertRule[] = [
    {
      alert: 'RegistryDown',
      expr: 'up{job="registry"} == 0',
      for: t.registryDownFor,
      severity: 'critical',
      summary: 'A registry replica is unreachable',
      description:
        'Prometheus cannot scrape {{ $labels.instance }}: the registry is down or its debug port is unreachable.',
      metrics: ['up'],
    },
    {
      alert: 'RegistryHighErrorRatio',
      expr:
        'sum by (instance) (rate(registry_http_requests_total{job="registry",code=~"5.."}[5m]))' +
        ` / sum by (instance) (rate(registry_http_requests_total{job="registry"}[5m])) > ${t.errorRatio}`,
      for: t.errorRatioFor,
      severity: 'warning',
      summary: 'The registry answers with server errors',
      description: `More than ${t.errorRatio * 100}% of the requests to {{ $labels.instance }} end in a 5xx answer.`,
      metrics: ['registry_http_requests_total'],
    },
    {
      alert: 'RegistrySlowRequests',
      expr:
        'histogram_quantile(0.99, sum by (instance, le) (rate(registry_http_request_duration_seconds_bucket{job="registry"}[5m])))' +
        ` > ${t.latencyP99Seconds}`,
      for: t.latencyFor,
      severity: 'warning',
      summary: 'Registry requests are slow',
      description: `The 99th percentile of request durations on {{ $labels.instance }} is above ${t.latencyP99Seconds}s.`,
      metrics: ['registry_http_request_duration_seconds_bucket'],
    },
    {
      alert: 'RegistryStorageLow',
      expr:
        `node_filesystem_avail_bytes{job="node",mountpoint="${p.dataMountpoint}"}` +
        ` / node_filesystem_size_bytes{job="node",mountpoint="${p.dataMountpoint}"} < ${t.diskFreeRatio}`,
      for: t.diskFreeFor,
      severity: 'critical',
      summary: "The registry's storage is nearly full",
      description: `Less than ${t.diskFreeRatio * 100}% of the filesystem holding the registry's data volume is free: pushes will fail. Run garbage collection or grow the disk.`,
      metrics: ['node_filesystem_avail_bytes', 'node_filesystem_size_bytes'],
    },
  ];
  if (p.redis) {
    rules.push({
      alert: 'RedisDown',
      expr: 'redis_up{job="redis"} == 0 or up{job="redis"} == 0',
      for: t.redisDownFor,
      severity: 'warning',
      summary: "The registries' Redis cache is down",
      description:
        'The registries fall back to storage for blob descriptors (slower), and deletes fail until Redis is back.',
      metrics: ['redis_up', 'up'],
    });
  }
  if (p.notifications && p.registryVersion === 3) {
    rules.push({
      alert: 'RegistryNotificationsFailing',
      expr: 'sum by (instance, endpoint) (increase(registry_notifications_events_total{job="registry",type=~"Failures|Errors"}[5m])) > 0',
      for: t.notificationFailuresFor,
      severity: 'warning',
      summary: 'Registry webhooks are failing',
      description:
        'Deliveries from {{ $labels.instance }} to the endpoint {{ $labels.endpoint }} keep failing; events queue up in memory.',
      metrics: ['registry_notifications_events_total'],
    });
  }
  return rules;
}

/** Where node-exporter mounts the registry's data volume (read-only) to report its free space. */
export const REGISTRY_DATA_MOUNTPOINT = '/registry-data';
