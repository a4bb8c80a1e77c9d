import { Construct } from 'constructs';
import { checkDockerName } from '../model/checks';
import { endpointUrl, ServiceEndpoint } from '../model/endpoint';
import { MonitoredPlatform } from '../model/alert-rules';
import { ResolvedMonitoring } from '../model/monitoring';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { MONITORING_PORTS, prometheusPlan } from '../plans/monitoring-plans';
import { RenderedFile } from '../render/file';
import { PlatformNetwork } from './platform-network';
import { Container } from './providers';
import { realizeService } from './service';
import { Upstream } from './upstream';

/** Props of {@link Prometheus}. */
export interface PrometheusProps {
  /** Container name; its samples live on the volume `<name>-data` (kept on destroy). */
  readonly name: string;
  /** The monitoring network (where the registries' debug ports are reachable). */
  readonly network: PlatformNetwork;
  /** The validated monitoring spec. */
  readonly spec: ResolvedMonitoring;
  /** What is monitored (decides the rules). */
  readonly platform: MonitoredPlatform;
  /** The registries' debug endpoints. */
  readonly registries: readonly ServiceEndpoint[];
  /** node-exporter, Alertmanager and (with Redis) redis_exporter. */
  readonly node: Upstream;
  readonly alertmanager: Upstream;
  readonly redisExporter?: Upstream;
  /** Where the UI and API are published. @default not published */
  readonly publish?: PublishSpec;
}

/**
 * Prometheus scraping every registry replica's debug port on the monitoring network (never
 * published), node-exporter, redis_exporter, Alertmanager and itself, with the registry alert
 * rules. Construct ids `image`, `config`, `config-carrier` and `container` are public API.
 */
export class Prometheus extends Construct implements Upstream {
  /** Where containers on the monitoring network reach it. */
  public readonly endpoint: ServiceEndpoint;
  /** Where it is published, if it is. */
  public readonly publish?: ResolvedPublish;
  /** Its files (prometheus.yml and the rules). */
  public readonly files: readonly RenderedFile[];
  /** The container. */
  public readonly container: Container;

  /** Renders the configuration and rules and defines the container. */
  public constructor(scope: Construct, id: string, props: PrometheusProps) {
    super(scope, id);
    const name = checkDockerName(`${id}.name`, props.name);
    if (props.publish !== undefined) this.publish = resolvePublish(`${id}.publish`, props.publish);
    const hostPort = (e: ServiceEndpoint): string => `${e.host}:${e.port}`;
    const plan = prometheusPlan({
      name,
      spec: props.spec,
      platform: props.platform,
      registries: props.registries.map(hostPort),
      node: hostPort(props.node.endpoint),
      alertmanager: hostPort(props.alertmanager.endpoint),
      ...(props.redisExporter ? { redisExporter: hostPort(props.redisExporter.endpoint) } : {}),
      dataVolumeName: `${name}-data`,
      ...(this.publish ? { publish: this.publish } : {}),
    });
    this.files = plan.files;
    this.endpoint = { host: 'prometheus', port: MONITORING_PORTS.prometheus, scheme: 'http' };
    this.container = realizeService(this, plan, {
      network: props.network,
      dependsOn: [props.alertmanager.container, props.node.container],
    }).container;
  }

  /** The URL other monitoring containers use, for example Grafana's data source. */
  public get url(): string {
    return endpointUrl(this.endpoint);
  }
}
