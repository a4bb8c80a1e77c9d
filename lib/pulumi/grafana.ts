import { checkDockerName } from '../model/checks';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { grafanaPlan } from '../plans/monitoring-plans';
import { RenderedFile } from '../render/file';
import { docker, pulumi, random } from './engine';
import { PlatformNetwork } from './network';
import { engineSecret } from './private/values';
import { realizeService } from './service';
import { Upstream } from './upstream';

/** Args of {@link Grafana}. */
export interface GrafanaArgs {
  /** Container name; its database lives on the volume `<name>-data` (kept on destroy). */
  readonly name: string;
  /** The monitoring network. */
  readonly network: PlatformNetwork;
  /** The Prometheus it reads. */
  readonly prometheus: Upstream & { readonly url: string };
  /** @default 'grafana/grafana:10.4.2' */
  readonly image?: string;
  /** Where it is published. @default port 3000 on 127.0.0.1 */
  readonly publish?: PublishSpec;
}

/**
 * Grafana with the data source and dashboard provisioned and a generated admin password, as the
 * cdktf `Grafana`. Children `<name>-admin-password`, `<name>-image`, `<name>-config`,
 * `<name>-config-carrier` and `<name>-container`.
 */
export class Grafana extends pulumi.ComponentResource {
  /** The generated admin password (secret). */
  public readonly adminPassword: pulumi.Output<string>;
  /** Where it is published. */
  public readonly publish: ResolvedPublish;
  /** Its provisioning files. */
  public readonly files: readonly RenderedFile[];
  /** The container. */
  public readonly container: docker.Container;

  /** Generates the password, renders the provisioning and defines the container. */
  public constructor(name: string, args: GrafanaArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:Grafana', name, {}, opts);
    const containerName = checkDockerName(`${name}.name`, args.name);
    this.publish = resolvePublish(`${name}.publish`, args.publish ?? { port: 3000 });
    this.adminPassword = pulumi.secret(
      new random.RandomPassword(
        `${name}-admin-password`,
        { length: 32, special: false },
        { parent: this, additionalSecretOutputs: ['result'] },
      ).result,
    );
    const plan = grafanaPlan({
      name: containerName,
      image: args.image ?? 'grafana/grafana:10.4.2',
      prometheusUrl: args.prometheus.url,
      adminPassword: engineSecret(this.adminPassword),
      dataVolumeName: `${containerName}-data`,
      publish: this.publish,
    });
    this.files = plan.files;
    this.container = realizeService(this, name, plan, {
      network: args.network,
      dependsOn: [args.prometheus.container],
    }).container;
    this.registerOutputs({ adminPassword: this.adminPassword });
  }
}
