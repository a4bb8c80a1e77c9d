import { Construct } from 'constructs';
import { SpecError } from '../model/errors';
import { endpointUrl, ServiceEndpoint } from '../model/endpoint';
import { ResolvedPublish } from '../model/publish';
import { ResolvedRegistrySpec } from '../model/registry-spec';
import { registryComponent, RegistryComponentSpec } from '../plans/registry-component';
import { RenderedFile } from '../render/file';
import { RegistryPaths } from '../render/registry-paths';
import { HtpasswdUsers } from './htpasswd-users';
import { PlatformNetwork } from './platform-network';
import { Container, Password, Volume } from './providers';
import { realizeService } from './service';
import { certificateAndKey, engineSecret, engineText } from './private/secret-values';
import { terraformSecret } from './secrets';
import { TlsMaterial } from './tls';
import { RegistryUpstream } from './upstream';

/** Props of {@link Registry}: the registry spec plus how it is wired on Docker. */
export interface RegistryProps extends RegistryComponentSpec {
  /** The network the registry joins. */
  readonly network: PlatformNetwork;
  /**
   * The monitoring network: the registry joins it too (with the same aliases), so Prometheus
   * reaches its debug/metrics port there; that port is never published. @default none
   */
  readonly monitoringNetwork?: PlatformNetwork;
  /** Certificate and key; turns TLS on (with `http.tls` settings, default TLS 1.2+). @default no TLS */
  readonly tls?: TlsMaterial;
  /** htpasswd users; turns htpasswd auth on unless `auth` says otherwise. @default no users */
  readonly htpasswd?: HtpasswdUsers;
  /**
   * The certificate(s) whose keys sign the tokens (PEM or a reference), for `auth.type: 'token'`:
   * delivered as `auth.token.rootcertbundle`. With a {@link TokenServer}, its `rootCertBundlePem`.
   */
  readonly tokenRootCertBundle?: string;
  /** `http.secret` as a Terraform reference, shared by replicas. @default a generated 48-character secret */
  readonly httpSecret?: string;
  /**
   * Keep the data volume when the stack is destroyed. When true the volume is not a Terraform
   * resource: Docker creates it on first use and `destroy` leaves it (and its images) in place.
   * @default true
   */
  readonly retainDataOnDestroy?: boolean;
}

/**
 * A distribution registry container: the rendered `config.yml`, htpasswd file and certificates
 * delivered into a config volume mounted read-only (see {@link deliverConfigFiles}: the root
 * filesystem is read-only, and Docker refuses uploads into a read-only root), data on a named volume, the debug/metrics port on the network
 * only, every capability dropped, no privilege escalation, the API port bound to a chosen address.
 *
 * Construct ids `image`, `http-secret`, `config`, `config-carrier`, `data` and `container` are public API.
 */
export class Registry extends Construct implements RegistryUpstream {
  /** The validated spec with defaults filled in. */
  public readonly spec: ResolvedRegistrySpec;
  /** The container name. */
  public readonly name: string;
  /** The first network alias. */
  public readonly serviceName: string;
  /** URL other containers use, for example `https://registry:5000`. */
  public readonly internalUrl: string;
  /** The published address, if any. */
  public readonly publish?: ResolvedPublish;
  /** The data volume's name. */
  public readonly dataVolumeName: string;
  /** Paths of the files inside the container. */
  public readonly paths: RegistryPaths;
  /** Every file delivered into the container (contents may hold Terraform references). */
  public readonly files: readonly RenderedFile[];
  /** The container resource. */
  public readonly container: Container;

  /** Validates the spec, renders the files and defines the container. */
  public constructor(scope: Construct, id: string, props: RegistryProps) {
    super(scope, id);
    const httpSecret =
      props.httpSecret !== undefined
        ? terraformSecret(props.httpSecret, `${id}.httpSecret`)
        : engineSecret(new Password(this, 'http-secret', { length: 48, special: false }).result);
    const c = registryComponent(id, props, {
      httpSecret,
      ...(props.tls ? { tls: certificateAndKey(props.tls) } : {}),
      ...(props.htpasswd ? { htpasswd: props.htpasswd.entries } : {}),
      ...(props.tokenRootCertBundle !== undefined
        ? { tokenRootCertBundle: engineText(props.tokenRootCertBundle) }
        : {}),
      monitored: props.monitoringNetwork !== undefined,
    });
    this.spec = c.spec;
    this.name = c.name;
    this.serviceName = c.serviceName;
    this.internalUrl = endpointUrl(c.endpoint);
    if (c.publish) this.publish = c.publish;
    this.dataVolumeName = c.dataVolumeName;
    this.paths = c.plan.paths;
    this.files = c.plan.files;
    if (props.retainDataOnDestroy === false) new Volume(this, 'data', { name: this.dataVolumeName });
    this.container = realizeService(this, c.plan, {
      network: props.network,
      ...(props.monitoringNetwork !== undefined
        ? { moreNetworks: [{ network: props.monitoringNetwork, aliases: c.aliases }] }
        : {}),
    }).container;
  }

  /** Where containers on the platform network reach the registry's API. */
  public get endpoint(): ServiceEndpoint {
    return {
      host: this.serviceName,
      port: this.spec.http.port,
      scheme: this.spec.http.tls ? 'https' : 'http',
    };
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

  /** Whether clients must authenticate. */
  public get authEnabled(): boolean {
    return this.spec.auth.type !== 'none';
  }

  /** The URL clients on the host use, for example `https://localhost:5443`. */
  public hostUrl(hostname: string): string {
    if (!this.publish) throw new SpecError('publish', false, 'the registry is not published on the host');
    return `${this.spec.http.tls ? 'https' : 'http'}://${hostname}:${this.publish.port}`;
  }
}
