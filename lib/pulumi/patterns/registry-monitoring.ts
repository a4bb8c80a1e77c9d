import { REGISTRY_DATA_MOUNTPOINT } from '../../model/alert-rules';
import { ServiceEndpoint } from '../../model/endpoint';
import { ResolvedPatternMonitoring } from '../../model/patterns/common';
import { PatternOutput } from '../../plans/pattern-outputs';
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
    const m = args.monitoring;
    const s = m.spec;
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
      { name: `${args.prefix}-alertmanager`, network: args.network, spec: s },
      child,
    );
    this.nodeExporter = new NodeExporter(
      `${name}-node-exporter`,
      {
        name: `${args.prefix}-node-exporter`,
        network: args.network,
        dataVolumeName: first.dataVolumeName,
        image: s.nodeExporterImage,
      },
      child,
    );
    if (args.redis !== undefined) {
      this.redisExporter = new RedisExporter(
        `${name}-redis-exporter`,
        {
          name: `${args.prefix}-redis-exporter`,
          network: args.platformNetwork,
          monitoringNetwork: args.network,
          redis: args.redis,
          image: s.redisExporterImage,
        },
        child,
      );
    }
    this.prometheus = new Prometheus(
      `${name}-prometheus`,
      {
        name: `${args.prefix}-prometheus`,
        network: args.network,
        spec: s,
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
        publish: { port: m.prometheusPort, bindAddress: args.bindAddress },
      },
      child,
    );
    const host = args.bindAddress === '0.0.0.0' ? 'localhost' : args.bindAddress;
    const outputs: Record<string, PatternOutput> = {
      prometheus_url: {
        value: `http://${host}:${m.prometheusPort}`,
        description: 'Prometheus (alerts, targets, queries); no login: published on the bind address only',
      },
    };
    if (s.grafana) {
      this.grafana = new Grafana(
        `${name}-grafana`,
        {
          name: `${args.prefix}-grafana`,
          network: args.network,
          prometheus: this.prometheus,
          image: s.grafanaImage,
          publish: { port: m.grafanaPort, bindAddress: args.bindAddress },
        },
        child,
      );
      outputs.grafana_url = { value: `http://${host}:${m.grafanaPort}`, description: 'Grafana (user admin)' };
      outputs.grafana_admin_password = {
        value: this.grafana.adminPassword,
        sensitive: true,
        description: "Grafana's generated admin password",
      };
    }
    this.outputs = outputs;
    this.registerOutputs({});
  }
}

/** The monitoring network of a pattern that asked for monitoring (`<name>-monitoring-network`, Docker name `<prefix>-monitoring`). */
export function monitoringNetworkOf(
  parent: pulumi.Resource,
  name: string,
  prefix: string,
  monitoring: ResolvedPatternMonitoring | undefined,
): PlatformNetwork | undefined {
  return monitoring
    ? new PlatformNetwork(`${name}-monitoring-network`, { name: `${prefix}-monitoring` }, { parent })
    : undefined;
}
