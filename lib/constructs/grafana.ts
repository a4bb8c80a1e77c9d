import { Construct } from 'constructs';
import { checkDockerName } from '../model/checks';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { grafanaPlan } from '../plans/monitoring-plans';
import { RenderedFile } from '../render/file';
import { PlatformNetwork } from './platform-network';
import { Container, Password } from './providers';
import { engineSecret } from './private/secret-values';
import { realizeService } from './service';
import { Upstream } from './upstream';

/** Props of {@link Grafana}. */
export interface GrafanaProps {
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
 * Grafana with the Prometheus data source and the registry dashboard provisioned, the admin
 * password generated once and kept in Terraform state (given to Grafana as a file), sign-up and
 * anonymous access off. Construct ids `admin-password`, `image`, `config`, `config-carrier` and
 * `container` are public API.
 */
export class Grafana extends Construct {
  /** The generated admin password (a sensitive Terraform reference). */
  public readonly adminPassword: string;
  /** Where it is published. */
  public readonly publish: ResolvedPublish;
  /** Its provisioning files. */
  public readonly files: readonly RenderedFile[];
  /** The container. */
  public readonly container: Container;

  /** Generates the password, renders the provisioning and defines the container. */
  public constructor(scope: Construct, id: string, props: GrafanaProps) {
    super(scope, id);
    const name = checkDockerName(`${id}.name`, props.name);
    this.publish = resolvePublish(`${id}.publish`, props.publish ?? { port: 3000 });
    this.adminPassword = new Password(this, 'admin-password', { length: 32, special: false }).result;
    const plan = grafanaPlan({
      name,
      image: props.image ?? 'grafana/grafana:10.4.2',
      prometheusUrl: props.prometheus.url,
      adminPassword: engineSecret(this.adminPassword),
      dataVolumeName: `${name}-data`,
      publish: this.publish,
    });
    this.files = plan.files;
    this.container = realizeService(this, plan, {
      network: props.network,
      dependsOn: [props.prometheus.container],
    }).container;
  }
}
