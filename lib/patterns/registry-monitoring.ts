import { Construct } from 'constructs';
import { Alertmanager } from '../constructs/alertmanager';
import { Grafana } from '../constructs/grafana';
import { NodeExporter } from '../constructs/node-exporter';
import { PlatformNetwork } from '../constructs/platform-network';
import { Prometheus } from '../constructs/prometheus';
import { RedisCache } from '../constructs/redis-cache';
import { RedisExporter } from '../constructs/redis-exporter';
import { Registry } from '../constructs/registry';
import { REGISTRY_DATA_MOUNTPOINT } from '../model/alert-rules';
import { ServiceEndpoint } from '../model/endpoint';
import { ResolvedPatternMonitoring } from '../model/patterns/common';
import { monitoringLayout } from '../plans/patterns/monitoring';
import { PatternOutput } from './pattern-outputs';

/** Props of {@link RegistryMonitoring}. */
export interface RegistryMonitoringProps {
  /** Prefix of the Docker names (`<prefix>-prometheus`, ...). */
  readonly prefix: string;
  /** The monitoring network the registries joined. */
  readonly network: PlatformNetwork;
  /** The platform network (where Redis is). */
  readonly platformNetwork: PlatformNetwork;
  /** The validated monitoring props. */
  readonly monitoring: ResolvedPatternMonitoring;
  /** The registries to scrape (each joined `network`; they share one data volume, whose filesystem node-exporter reports). */
  readonly registries: readonly Registry[];
  /** The platform's Redis, if it has one. */
  readonly redis?: RedisCache;
  /** Whether the registries send notifications. */
  readonly notifications: boolean;
  /** Host address Prometheus and Grafana are published on. */
  readonly bindAddress: string;
}

/**
 * Monitoring for a registry platform: Alertmanager, node-exporter (the data volume's free space),
 * redis_exporter where there is Redis, Prometheus with the registry alert rules and Grafana with
 * the registry dashboard, all on the monitoring network; the registries' metrics ports are
 * reachable there only. Child ids `alertmanager`, `node-exporter`, `redis-exporter`, `prometheus`
 * and `grafana` are public API.
 */
export class RegistryMonitoring extends Construct {
  /** Prometheus. */
  public readonly prometheus: Prometheus;
  /** Alertmanager. */
  public readonly alertmanager: Alertmanager;
  /** node-exporter. */
  public readonly nodeExporter: NodeExporter;
  /** redis_exporter, with Redis. */
  public readonly redisExporter?: RedisExporter;
  /** Grafana, unless turned off. */
  public readonly grafana?: Grafana;
  /** Outputs: `prometheus_url`, `grafana_url`, `grafana_admin_password`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Defines the monitoring containers. */
  public constructor(scope: Construct, id: string, props: RegistryMonitoringProps) {
    super(scope, id);
    const d = monitoringLayout(props.prefix, props.monitoring, props.bindAddress);
    const registries = props.registries.map((r, i): ServiceEndpoint => {
      const e = r.metricsEndpoint;
      if (e === undefined) throw new Error(`internal: registry ${i} has no metrics endpoint`);
      return e;
    });
    const first = props.registries[0];
    if (first === undefined) throw new Error('internal: monitoring without a registry');
    this.alertmanager = new Alertmanager(this, 'alertmanager', {
      name: d.names.alertmanager,
      network: props.network,
      spec: d.spec,
    });
    this.nodeExporter = new NodeExporter(this, 'node-exporter', {
      name: d.names.nodeExporter,
      network: props.network,
      dataVolumeName: first.dataVolumeName,
      image: d.spec.nodeExporterImage,
    });
    if (props.redis !== undefined) {
      this.redisExporter = new RedisExporter(this, 'redis-exporter', {
        name: d.names.redisExporter,
        network: props.platformNetwork,
        monitoringNetwork: props.network,
        redis: props.redis,
        image: d.spec.redisExporterImage,
      });
    }
    this.prometheus = new Prometheus(this, 'prometheus', {
      name: d.names.prometheus,
      network: props.network,
      spec: d.spec,
      platform: {
        registryVersion: first.spec.dialect.version,
        dataMountpoint: REGISTRY_DATA_MOUNTPOINT,
        redis: props.redis !== undefined,
        notifications: props.notifications,
      },
      registries,
      node: this.nodeExporter,
      alertmanager: this.alertmanager,
      ...(this.redisExporter ? { redisExporter: this.redisExporter } : {}),
      publish: d.prometheusPublish,
    });
    if (d.grafanaPublish) {
      this.grafana = new Grafana(this, 'grafana', {
        name: d.names.grafana,
        network: props.network,
        prometheus: this.prometheus,
        image: d.spec.grafanaImage,
        publish: d.grafanaPublish,
      });
    }
    this.outputs = d.outputs(this.grafana?.adminPassword);
  }
}

/**
 * The monitoring network of a pattern that asked for monitoring (child id `monitoring-network`,
 * Docker name `<prefix>-monitoring`), made before its registries so that they can join it.
 */
export function monitoringNetworkOf(
  scope: Construct,
  prefix: string,
  monitoring: ResolvedPatternMonitoring | undefined,
): PlatformNetwork | undefined {
  return monitoring
    ? new PlatformNetwork(scope, 'monitoring-network', { name: `${prefix}-monitoring` })
    : undefined;
}
