import { checkDockerName } from '../model/checks';
import { MonitoredPlatform } from '../model/alert-rules';
import { endpointUrl, ServiceEndpoint } from '../model/endpoint';
import { ResolvedMonitoring } from '../model/monitoring';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { MONITORING_PORTS, prometheusPlan } from '../plans/monitoring-plans';
import { RenderedFile } from '../render/file';
import { docker, pulumi } from './engine';
import { PlatformNetwork } from './network';
import { realizeService } from './service';
import { Upstream } from './upstream';

/** Args of {@link Prometheus}. */
export interface PrometheusArgs {
  /** Container name; its samples live on the volume `<name>-data` (kept on destroy). */
  readonly name: string;
  /** The monitoring network. */
  readonly network: PlatformNetwork;
  /** The validated monitoring spec. */
  readonly spec: ResolvedMonitoring;
  /** What is monitored (decides the rules). */
  readonly platform: MonitoredPlatform;
  /** The registries' debug endpoints. */
  readonly registries: readonly ServiceEndpoint[];
  /** node-exporter. */
  readonly node: Upstream;
  /** Alertmanager. */
  readonly alertmanager: Upstream;
  /** redis_exporter, with Redis. */
  readonly redisExporter?: Upstream;
  /** Where the UI and API are published. @default not published */
  readonly publish?: PublishSpec;
}

/** Prometheus with the registry alert rules, as the cdktf `Prometheus`. Children `<name>-image`, `<name>-config`, `<name>-config-carrier`, `<name>-container`. */
export class Prometheus extends pulumi.ComponentResource implements Upstream {
  /** Where containers on the monitoring network reach it. */
  public readonly endpoint: ServiceEndpoint;
  /** Where it is published, if it is. */
  public readonly publish?: ResolvedPublish;
  /** Its files (prometheus.yml and the rules). */
  public readonly files: readonly RenderedFile[];
  /** The container. */
  public readonly container: docker.Container;

  /** Renders the configuration and rules and defines the container. */
  public constructor(name: string, args: PrometheusArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:Prometheus', name, {}, opts);
    const containerName = checkDockerName(`${name}.name`, args.name);
    if (args.publish !== undefined) this.publish = resolvePublish(`${name}.publish`, args.publish);
    const hostPort = (e: ServiceEndpoint): string => `${e.host}:${e.port}`;
    const plan = prometheusPlan({
      name: containerName,
      spec: args.spec,
      platform: args.platform,
      registries: args.registries.map(hostPort),
      node: hostPort(args.node.endpoint),
      alertmanager: hostPort(args.alertmanager.endpoint),
      ...(args.redisExporter ? { redisExporter: hostPort(args.redisExporter.endpoint) } : {}),
      dataVolumeName: `${containerName}-data`,
      ...(this.publish ? { publish: this.publish } : {}),
    });
    this.files = plan.files;
    this.endpoint = { host: 'prometheus', port: MONITORING_PORTS.prometheus, scheme: 'http' };
    this.container = realizeService(this, name, plan, {
      network: args.network,
      dependsOn: [args.alertmanager.container, args.node.container],
    }).container;
    this.registerOutputs({});
  }

  /** The URL other monitoring containers use (Grafana's data source). */
  public get url(): string {
    return endpointUrl(this.endpoint);
  }
}
