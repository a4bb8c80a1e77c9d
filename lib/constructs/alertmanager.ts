import { Construct } from 'constructs';
import { checkDockerName } from '../model/checks';
import { ServiceEndpoint } from '../model/endpoint';
import { ResolvedMonitoring } from '../model/monitoring';
import { alertmanagerPlan, MONITORING_PORTS } from '../plans/monitoring-plans';
import { RenderedFile } from '../render/file';
import { PlatformNetwork } from './platform-network';
import { Container } from './providers';
import { realizeService } from './service';
import { Upstream } from './upstream';

/** Props of {@link Alertmanager}. */
export interface AlertmanagerProps {
  /** Container name; silences live on the volume `<name>-data` (kept on destroy). */
  readonly name: string;
  /** The monitoring network. */
  readonly network: PlatformNetwork;
  /** The validated monitoring spec (receivers, routing, SMTP). */
  readonly spec: ResolvedMonitoring;
}

/**
 * Alertmanager routing the registry alerts by severity to webhooks (and e-mail), never
 * published. Construct ids `image`, `config`, `config-carrier` and `container` are public API.
 */
export class Alertmanager extends Construct implements Upstream {
  /** Where Prometheus reaches it. */
  public readonly endpoint: ServiceEndpoint = {
    host: 'alertmanager',
    port: MONITORING_PORTS.alertmanager,
    scheme: 'http',
  };
  /** Its alertmanager.yml. */
  public readonly files: readonly RenderedFile[];
  /** The container. */
  public readonly container: Container;

  /** Renders alertmanager.yml and defines the container. */
  public constructor(scope: Construct, id: string, props: AlertmanagerProps) {
    super(scope, id);
    const name = checkDockerName(`${id}.name`, props.name);
    const plan = alertmanagerPlan({ name, spec: props.spec, dataVolumeName: `${name}-data` });
    this.files = plan.files;
    this.container = realizeService(this, plan, { network: props.network }).container;
  }
}
