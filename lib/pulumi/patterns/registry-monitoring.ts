import { REGISTRY_DATA_MOUNTPOINT } from '../../model/alert-rules';
import { ServiceEndpoint } from '../../model/endpoint';
import { ResolvedPatternMonitoring } from '../../model/patterns/common';
import { PatternOutput } from '../../plans/pattern-outputs';
import { monitoringLayout } from '../../plans/patterns/monitoring';
import { Alertmanager } from '../alertmanager';
import { pulumi } from '../engine';
import { Grafana } from '../grafana';
import { PlatformNetwork } from '../network';
import { NodeExporter } from '../node-exporter';
import { Prometheus } from '../prometheus';
import { RedisCache } from '../redis-cache';
import { RedisExporter } from '../redis-exporter';
import { Registry } from '../registry';

/** Args of {@link RegistryMonitoring}. */
export interface RegistryMonitoringArgs {
  /** Prefix of the Docker names (`<prefix>-prometheus`, ...). */
  readonly prefix: string;
  /** The monitoring network the registries joined. */
  readonly network: PlatformNetwork;
  /** The platform network (where Redis is). */
  readonly platformNetwork: PlatformNetwork;
  /** The validated monitoring props. */
  readonly monitoring: ResolvedPatternMonitoring;
  /** The registries to scrape (they share one data volume). */
  readonly registries: readonly Registry[];
  /** The platform's Redis, if it has one. */
  readonly redis?: RedisCache;
  /** Whether the registries send notifications. */
  readonly notifications: boolean;
  /** Host address Prometheus and Grafana are published on. */
  readonly bindAddress: string;
}

/**
 * Monitoring for a registry platform, as the cdktf `RegistryMonitoring`: Alertmanager,
 * node-exporter, redis_exporter (with Redis), Prometheus and Grafana. Children
 * `<name>-alertmanager`, `<name>-node-exporter`, `<name>-redis-exporter`, `<name>-prometheus`
 * and `<name>-grafana`.
 */
export class RegistryMonitoring extends pulumi.ComponentResource {
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
  public constructor(name: string, args: RegistryMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:RegistryMonitoring', name, {}, opts);
    const d = monitoringLayout(args.prefix, args.monitoring, args.bindAddress);
    const child = { parent: this };
    const registries = args.registries.map((r, i): ServiceEndpoint => {
      const e = r.metricsEndpoint;
      if (e === undefined) throw new Error(`internal: registry ${i} has no metrics endpoint`);
      return e;
    });
    const first = args.registries[0];
    if (first === undefined) throw new Error('internal: monitoring without a registry');
    this.alertmanager = new Alertmanager(
      `${name}-alertmanager`,
      { name: d.names.alertmanager, network: args.network, spec: d.spec },
      child,
    );
    this.nodeExporter = new NodeExporter(
      `${name}-node-exporter`,
      {
        name: d.names.nodeExporter,
        network: args.network,
        dataVolumeName: first.dataVolumeName,
        image: d.spec.nodeExporterImage,
      },
      child,
    );
    if (args.redis !== undefined) {
      this.redisExporter = new RedisExporter(
        `${name}-redis-exporter`,
        {
          name: d.names.redisExporter,
          network: args.platformNetwork,
          monitoringNetwork: args.network,
          redis: args.redis,
          image: d.spec.redisExporterImage,
        },
        child,
      );
    }
    this.prometheus = new Prometheus(
      `${name}-prometheus`,
      {
        name: d.names.prometheus,
        network: args.network,
        spec: d.spec,
        platform: {
          registryVersion: first.spec.dialect.version,
          dataMountpoint: REGISTRY_DATA_MOUNTPOINT,
          redis: args.redis !== undefined,
          notifications: args.notifications,
        },
        registries,
        node: this.nodeExporter,
        alertmanager: this.alertmanager,
        ...(this.redisExporter ? { redisExporter: this.redisExporter } : {}),
        publish: d.prometheusPublish,
      },
      child,
    );
    if (d.grafanaPublish) {
      this.grafana = new Grafana(
        `${name}-grafana`,
        {
          name: d.names.grafana,
          network: args.network,
          prometheus: this.prometheus,
          image: d.spec.grafanaImage,
          publish: d.grafanaPublish,
        },
        child,
      );
    }
    this.outputs = d.outputs(this.grafana?.adminPassword);
    this.registerOutputs({});
  }
}

/** The monitoring network (`<name>-monitoring-network`), when the layout has one; made before the registries join it. */
export function monitoringNetworkOf(
  parent: pulumi.Resource,
  name: string,
  networkName: string | undefined,
): PlatformNetwork | undefined {
  return networkName !== undefined
    ? new PlatformNetwork(`${name}-monitoring-network`, { name: networkName }, { parent })
    : undefined;
}
