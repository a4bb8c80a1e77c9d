import { checkDockerName } from '../model/checks';
import { ServiceEndpoint } from '../model/endpoint';
import { ResolvedMonitoring } from '../model/monitoring';
import { alertmanagerPlan, MONITORING_PORTS } from '../plans/monitoring-plans';
import { RenderedFile } from '../render/file';
import { docker, pulumi } from './engine';
import { PlatformNetwork } from './network';
import { realizeService } from './service';
import { Upstream } from './upstream';

/** Args of {@link Alertmanager}. */
export interface AlertmanagerArgs {
  /** Container name; silences live on the volume `<name>-data` (kept on destroy). */
  readonly name: string;
  /** The monitoring network. */
  readonly network: PlatformNetwork;
  /** The validated monitoring spec (receivers, routing, SMTP). */
  readonly spec: ResolvedMonitoring;
}

/** Alertmanager, never published, as the cdktf `Alertmanager`. Children `<name>-image`, `<name>-config`, `<name>-config-carrier`, `<name>-container`. */
export class Alertmanager extends pulumi.ComponentResource implements Upstream {
  /** Where Prometheus reaches it. */
  public readonly endpoint: ServiceEndpoint = {
    host: 'alertmanager',
    port: MONITORING_PORTS.alertmanager,
    scheme: 'http',
  };
  /** Its alertmanager.yml. */
  public readonly files: readonly RenderedFile[];
  /** The container. */
  public readonly container: docker.Container;

  /** Renders alertmanager.yml and defines the container. */
  public constructor(name: string, args: AlertmanagerArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:Alertmanager', name, {}, opts);
    const containerName = checkDockerName(`${name}.name`, args.name);
    const plan = alertmanagerPlan({
      name: containerName,
      spec: args.spec,
      dataVolumeName: `${containerName}-data`,
    });
    this.files = plan.files;
    this.container = realizeService(this, name, plan, { network: args.network }).container;
    this.registerOutputs({});
  }
}
