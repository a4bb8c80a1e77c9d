import { REGISTRY_DATA_MOUNTPOINT } from '../model/alert-rules';
import { RenderedFile } from './file';
import { toYaml } from './yaml';

/** Where Grafana's provisioning lives in its config volume. */
export interface GrafanaPaths {
  /** The config volume (mounted read-only). */
  readonly configDir: string;
  /** `GF_PATHS_PROVISIONING`: holds `datasources/` and `dashboards/`. */
  readonly provisioning: string;
  /** The dashboard JSON files. */
  readonly dashboards: string;
  /** The admin password file (`GF_SECURITY_ADMIN_PASSWORD__FILE`). */
  readonly adminPassword: string;
}

/** The Grafana file layout used by the plan. */
export const GRAFANA_PATHS: GrafanaPaths = {
  configDir: '/etc/grafana/platform',
  provisioning: '/etc/grafana/platform/provisioning',
  dashboards: '/etc/grafana/platform/dashboards',
  adminPassword: '/etc/grafana/platform/secrets/admin_password',
};

/** One dashboard panel: a title and the PromQL it draws. */
export interface DashboardPanel {
  readonly title: string;
  readonly expr: string;
  readonly unit: string;
  /** Metric names the query reads (each must exist in the live series). */
  readonly metrics: readonly string[];
}

/** The registry dashboard's panels; every query reads metrics the registry or node-exporter export. */
export const REGISTRY_DASHBOARD_PANELS: readonly DashboardPanel[] = [
  { title: 'Replicas up', expr: 'sum(up{job="registry"})', unit: 'none', metrics: ['up'] },
  {
    title: 'Requests per second by status',
    expr: 'sum by (code) (rate(registry_http_requests_total{job="registry"}[5m]))',
    unit: 'reqps',
    metrics: ['registry_http_requests_total'],
  },
  {
    title: 'Request duration, 99th percentile',
    expr: 'histogram_quantile(0.99, sum by (le) (rate(registry_http_request_duration_seconds_bucket{job="registry"}[5m])))',
    unit: 's',
    metrics: ['registry_http_request_duration_seconds_bucket'],
  },
  {
    title: 'Requests in flight',
    expr: 'sum(registry_http_in_flight_requests{job="registry"})',
    unit: 'none',
    metrics: ['registry_http_in_flight_requests'],
  },
  {
    title: 'Bytes served per second',
    expr: 'sum(rate(registry_http_response_size_bytes_sum{job="registry"}[5m]))',
    unit: 'Bps',
    metrics: ['registry_http_response_size_bytes_sum'],
  },
  {
    title: 'Storage free',
    expr: `min(node_filesystem_avail_bytes{job="node",mountpoint="${REGISTRY_DATA_MOUNTPOINT}"})`,
    unit: 'bytes',
    metrics: ['node_filesystem_avail_bytes'],
  },
];

/** The dashboard as Grafana's JSON model (schema 39), its panels in a grid two wide. */
export function registryDashboard(
  panels: readonly DashboardPanel[] = REGISTRY_DASHBOARD_PANELS,
): Record<string, unknown> {
  return {
    uid: 'registry-platform',
    title: 'Registry',
    tags: ['registry'],
    timezone: 'browser',
    schemaVersion: 39,
    version: 1,
    editable: false,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    panels: panels.map((p, i) => ({
      id: i + 1,
      type: 'timeseries',
      title: p.title,
      gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
      datasource: { type: 'prometheus', uid: 'prometheus' },
      fieldConfig: { defaults: { unit: p.unit }, overrides: [] },
      targets: [{ refId: 'A', expr: p.expr, datasource: { type: 'prometheus', uid: 'prometheus' } }],
    })),
  };
}

/**
 * Grafana's provisioning: the Prometheus data source (not editable), a dashboard provider for
 * the dashboards folder, and the registry dashboard.
 */
export function renderGrafanaProvisioning(
  prometheusUrl: string,
  paths: GrafanaPaths = GRAFANA_PATHS,
): RenderedFile[] {
  return [
    {
      path: `${paths.provisioning}/datasources/prometheus.yml`,
      content: toYaml({
        apiVersion: 1,
        datasources: [
          {
            name: 'Prometheus',
            type: 'prometheus',
            uid: 'prometheus',
            access: 'proxy',
            url: prometheusUrl,
            isDefault: true,
            editable: false,
          },
        ],
      }),
      mode: '0644',
    },
    {
      path: `${paths.provisioning}/dashboards/registry-platform.yml`,
      content: toYaml({
        apiVersion: 1,
        providers: [
          {
            name: 'registry-platform',
            folder: 'Registry',
            type: 'file',
            disableDeletion: true,
            allowUiUpdates: false,
            options: { path: paths.dashboards },
          },
        ],
      }),
      mode: '0644',
    },
    {
      path: `${paths.dashboards}/registry.json`,
      content: `${JSON.stringify(registryDashboard(), null, 2)}\n`,
      mode: '0644',
    },
  ];
}
