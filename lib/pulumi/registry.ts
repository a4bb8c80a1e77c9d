import { ServiceEndpoint } from '../model/endpoint';
import { ResolvedPublish } from '../model/publish';
import { ResolvedRegistrySpec } from '../model/registry-spec';
import { registryComponent, RegistryComponentSpec } from '../plans/registry-component';
import { RenderedFile } from '../render/file';
import { RegistryPaths } from '../render/registry-paths';
import { docker, pulumi, random } from './engine';
import { PlatformNetwork } from './network';
import { certificateAndKey, engineSecret, engineText } from './private/values';
import { pulumiSecret } from './secrets';
import { realizeService } from './service';
import { TlsMaterial } from './tls';
import { RegistryUpstream } from './upstream';
import { HtpasswdUsers } from './users';

/** Args of {@link Registry}: the registry spec plus how it is wired on Docker. */
export interface RegistryArgs extends RegistryComponentSpec {
  /** The network the registry joins. */
  readonly network: PlatformNetwork;
  /** The monitoring network: the registry joins it too, so Prometheus reaches its debug port there. @default none */
  readonly monitoringNetwork?: PlatformNetwork;
  /** Certificate and key; turns TLS on (TLS 1.2+ by default). @default no TLS */
  readonly tls?: TlsMaterial;
  /** htpasswd users; turns htpasswd auth on unless `auth` says otherwise. @default no users */
  readonly htpasswd?: HtpasswdUsers;
  /** The certificate(s) whose keys sign the tokens, for `auth.type: 'token'`. */
  readonly tokenRootCertBundle?: pulumi.Input<string>;
  /** `http.secret` (a secret output), shared by replicas. @default a generated 48-character secret */
  readonly httpSecret?: pulumi.Output<string>;
  /**
   * Keep the data volume when the stack is destroyed (it is then not a resource: Docker creates
   * it on first use). @default true
   */
  readonly retainDataOnDestroy?: boolean;
}

/**
 * A distribution registry container, as the cdktf `Registry`: the same plan (`config.yml`,
 * htpasswd file, certificates in a read-only config volume, data on a named volume, the
 * debug/metrics port on the network only). Children `<name>-http-secret`, `<name>-image`,
 * `<name>-config`, `<name>-config-carrier`, `<name>-data` and `<name>-container`.
 */
export class Registry extends pulumi.ComponentResource implements RegistryUpstream {
  /** The validated spec with defaults filled in. */
  public readonly spec: ResolvedRegistrySpec;
  /** The container name. */
  public readonly containerName: string;
  /** The first network alias. */
  public readonly serviceName: string;
  /** Where containers on the platform network reach the API. */
  public readonly endpoint: ServiceEndpoint;
  /** The published address, if any. */
  public readonly publish?: ResolvedPublish;
  /** The data volume's name. */
  public readonly dataVolumeName: string;
  /** Paths of the files inside the container. */
  public readonly paths: RegistryPaths;
  /** Every file delivered into the container (placeholders where secrets go). */
  public readonly files: readonly RenderedFile[];
  /** The container. */
  public readonly container: docker.Container;
  /** What the container was handed: each file's content, secret when a secret is in it. */
  public readonly uploads: readonly { readonly file: string; readonly content: pulumi.Output<string> }[];

  /** Validates the spec, renders the files and defines the container. */
  public constructor(name: string, args: RegistryArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:Registry', name, {}, opts);
    const httpSecret =
      args.httpSecret !== undefined
        ? pulumiSecret(args.httpSecret, `${name}.httpSecret`)
        : engineSecret(
            new random.RandomPassword(
              `${name}-http-secret`,
              { length: 48, special: false },
              { parent: this, additionalSecretOutputs: ['result'] },
            ).result,
          );
    const c = registryComponent(name, args, {
      httpSecret,
      ...(args.tls ? { tls: certificateAndKey(args.tls) } : {}),
      ...(args.htpasswd ? { htpasswd: args.htpasswd.entries } : {}),
      ...(args.tokenRootCertBundle !== undefined
        ? { tokenRootCertBundle: engineText(args.tokenRootCertBundle) }
        : {}),
      monitored: args.monitoringNetwork !== undefined,
    });
    this.spec = c.spec;
    this.containerName = c.name;
    this.serviceName = c.serviceName;
    this.endpoint = c.endpoint;
    if (c.publish) this.publish = c.publish;
    this.dataVolumeName = c.dataVolumeName;
    this.paths = c.plan.paths;
    this.files = c.plan.files;
    if (args.retainDataOnDestroy === false) {
      new docker.Volume(`${name}-data`, { name: this.dataVolumeName }, { parent: this });
    }
    const realized = realizeService(this, name, c.plan, {
      network: args.network,
      ...(args.monitoringNetwork !== undefined
        ? { moreNetworks: [{ network: args.monitoringNetwork, aliases: c.aliases }] }
        : {}),
    });
    this.container = realized.container;
    this.uploads = realized.uploads;
    this.registerOutputs({ containerName: this.containerName, dataVolumeName: this.dataVolumeName });
  }

  /** Where Prometheus reaches the debug/metrics listener (never published), when it is on. */
  public get metricsEndpoint(): ServiceEndpoint | undefined {
    const d = this.spec.http.debug;
    return d ? { host: this.serviceName, port: d.port, scheme: 'http' } : undefined;
  }

  /** How clients authenticate. */
  public get authType(): 'none' | 'htpasswd' | 'token' {
    return this.spec.auth.type;
  }

  /** Whether deletes are enabled. */
  public get deleteEnabled(): boolean {
    return this.spec.storage.deleteEnabled;
  }
}
