import { Construct } from 'constructs';
import { checkDockerName } from '../model/checks';
import { ServiceEndpoint } from '../model/endpoint';
import { MONITORING_PORTS, nodeExporterPlan } from '../plans/monitoring-plans';
import { PlatformNetwork } from './platform-network';
import { Container } from './providers';
import { realizeService } from './service';
import { Upstream } from './upstream';

/** Props of {@link NodeExporter}. */
export interface NodeExporterProps {
  /** Container name. */
  readonly name: string;
  /** The monitoring network. */
  readonly network: PlatformNetwork;
  /** The registry's data volume, mounted read-only so its filesystem's free space is reported. */
  readonly dataVolumeName: string;
  /** @default 'prom/node-exporter:v1.5.0' */
  readonly image?: string;
}

/**
 * node-exporter reporting the filesystem that holds the registry's data volume (mounted
 * read-only; no host namespaces or host paths). Construct ids `image` and `container` are public API.
 */
export class NodeExporter extends Construct implements Upstream {
  /** Where Prometheus reaches it. */
  public readonly endpoint: ServiceEndpoint = {
    host: 'node-exporter',
    port: MONITORING_PORTS.node,
    scheme: 'http',
  };
  /** The container. */
  public readonly container: Container;

  /** Defines the container. */
  public constructor(scope: Construct, id: string, props: NodeExporterProps) {
    super(scope, id);
    const plan = nodeExporterPlan({
      name: checkDockerName(`${id}.name`, props.name),
      image: props.image ?? 'prom/node-exporter:v1.5.0',
      dataVolumeName: checkDockerName(`${id}.dataVolumeName`, props.dataVolumeName),
    });
    this.container = realizeService(this, plan, { network: props.network }).container;
  }
}
