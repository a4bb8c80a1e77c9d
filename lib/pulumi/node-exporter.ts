import { checkDockerName } from '../model/checks';
import { ServiceEndpoint } from '../model/endpoint';
import { MONITORING_PORTS, nodeExporterPlan } from '../plans/monitoring-plans';
import { docker, pulumi } from './engine';
import { PlatformNetwork } from './network';
import { realizeService } from './service';
import { Upstream } from './upstream';

/** Args of {@link NodeExporter}. */
export interface NodeExporterArgs {
  /** Container name. */
  readonly name: string;
  /** The monitoring network. */
  readonly network: PlatformNetwork;
  /** The registry's data volume, mounted read-only so its filesystem's free space is reported. */
  readonly dataVolumeName: string;
  /** @default 'prom/node-exporter:v1.5.0' */
  readonly image?: string;
}

/** node-exporter on the registry's data volume, as the cdktf `NodeExporter`. Children `<name>-image`, `<name>-container`. */
export class NodeExporter extends pulumi.ComponentResource implements Upstream {
  /** Where Prometheus reaches it. */
  public readonly endpoint: ServiceEndpoint = {
    host: 'node-exporter',
    port: MONITORING_PORTS.node,
    scheme: 'http',
  };
  /** The container. */
  public readonly container: docker.Container;

  /** Defines the container. */
  public constructor(name: string, args: NodeExporterArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:NodeExporter', name, {}, opts);
    const plan = nodeExporterPlan({
      name: checkDockerName(`${name}.name`, args.name),
      image: args.image ?? 'prom/node-exporter:v1.5.0',
      dataVolumeName: checkDockerName(`${name}.dataVolumeName`, args.dataVolumeName),
    });
    this.container = realizeService(this, name, plan, { network: args.network }).container;
    this.registerOutputs({});
  }
}
