import { ResolvedMonitoring } from '../../model/monitoring';
import { ResolvedPatternMonitoring } from '../../model/patterns/common';
import { ResolvedPublish } from '../../model/publish';
import { PatternOutput } from '../pattern-outputs';

/** What a pattern's monitoring is made of, decided for any engine. */
export interface MonitoringLayout {
  /** The validated monitoring spec. */
  readonly spec: ResolvedMonitoring;
  /** Docker names of the containers. */
  readonly names: {
    readonly alertmanager: string;
    readonly nodeExporter: string;
    readonly redisExporter: string;
    readonly prometheus: string;
    readonly grafana: string;
  };
  /** Where Prometheus is published. */
  readonly prometheusPublish: ResolvedPublish;
  /** Where Grafana is published, when it is deployed. */
  readonly grafanaPublish?: ResolvedPublish;
  /** `prometheus_url`, `grafana_url` and `grafana_admin_password` (the password is the engine's). */
  outputs(grafanaAdminPassword: unknown): Record<string, PatternOutput>;
}

/** Decides a pattern's monitoring: names `<prefix>-prometheus`, ..., ports on the bind address. */
export function monitoringLayout(
  prefix: string,
  monitoring: ResolvedPatternMonitoring,
  bindAddress: string,
): MonitoringLayout {
  const s = monitoring.spec;
  const host = bindAddress === '0.0.0.0' ? 'localhost' : bindAddress;
  return {
    spec: s,
    names: {
      alertmanager: `${prefix}-alertmanager`,
      nodeExporter: `${prefix}-node-exporter`,
      redisExporter: `${prefix}-redis-exporter`,
      prometheus: `${prefix}-prometheus`,
      grafana: `${prefix}-grafana`,
    },
    prometheusPublish: { port: monitoring.prometheusPort, bindAddress },
    ...(s.grafana ? { grafanaPublish: { port: monitoring.grafanaPort, bindAddress } } : {}),
    outputs: (grafanaAdminPassword) => ({
      prometheus_url: {
        value: `http://${host}:${monitoring.prometheusPort}`,
        description: 'Prometheus (alerts, targets, queries); no login: published on the bind address only',
      },
      ...(s.grafana
        ? {
            grafana_url: {
              value: `http://${host}:${monitoring.grafanaPort}`,
              description: 'Grafana (user admin)',
            },
            grafana_admin_password: {
              value: grafanaAdminPassword,
              sensitive: true,
              description: "Grafana's generated admin password",
            },
          }
        : {}),
    }),
  };
}
