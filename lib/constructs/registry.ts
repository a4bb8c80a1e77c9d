import { Construct } from 'constructs';
import { checkDockerName, checkHostname, checkList } from '../model/checks';
import { SpecError } from '../model/errors';
import { ServiceEndpoint } from '../model/endpoint';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { RegistrySpec, ResolvedRegistrySpec, resolveRegistrySpec } from '../model/registry-spec';
import { registryPlan } from '../plans/registry-plan';
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
export interface RegistryProps extends RegistrySpec {
  /** Container name, also the prefix of its volumes (unique on the Docker host). */
  readonly name: string;
  /** The network the registry joins. */
  readonly network: PlatformNetwork;
  /**
   * Existing Docker networks (not managed here) the registry joins too, for example the network
   * of an upstream registry a pull-through cache reaches by name. @default none
   */
  readonly extraNetworks?: readonly string[];
  /**
   * The monitoring network: the registry joins it too (with the same aliases), so Prometheus
   * reaches its debug/metrics port there; that port is never published. @default none
   */
  readonly monitoringNetwork?: PlatformNetwork;
  /** Names other containers use to reach the registry. @default ['registry'] */
  readonly aliases?: readonly string[];
  /** Publish the registry port on the host, or `false` to keep it on the network only. @default port 5000 on 127.0.0.1 */
  readonly publish?: PublishSpec | false;
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
  /** Name of the data volume; replicas that share storage pass the same name. @default `<name>-data` */
  readonly dataVolumeName?: string;
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
    this.name = checkDockerName(`${id}.name`, props.name);
    const auth =
      props.auth ??
      (props.htpasswd !== undefined ? ({ type: 'htpasswd' } as const) : ({ type: 'none' } as const));
    const http = props.tls !== undefined ? { ...props.http, tls: props.http?.tls ?? {} } : props.http;
    this.spec = resolveRegistrySpec({ ...props, auth, http }, id);
    if (this.spec.http.tls !== undefined && props.tls === undefined) {
      throw new SpecError(
        `${id}.tls`,
        undefined,
        'http.tls is set, so a certificate is needed: pass tls (generated or supplied)',
      );
    }
    if ((this.spec.auth.type === 'htpasswd') !== (props.htpasswd !== undefined)) {
      throw new SpecError(
        `${id}.htpasswd`,
        props.htpasswd === undefined ? undefined : '<HtpasswdUsers>',
        `htpasswd users are needed exactly when auth.type is "htpasswd" (auth.type is "${this.spec.auth.type}")`,
      );
    }
    if ((this.spec.auth.type === 'token') !== (props.tokenRootCertBundle !== undefined)) {
      throw new SpecError(
        `${id}.tokenRootCertBundle`,
        props.tokenRootCertBundle === undefined ? undefined : '<certificate>',
        `the token signing certificate is needed exactly when auth.type is "token" (auth.type is "${this.spec.auth.type}"): ` +
          "pass the token server's rootCertBundlePem",
      );
    }
    const aliases = checkList(`${id}.aliases`, props.aliases ?? ['registry'], checkHostname);
    const extraNetworks = checkList(`${id}.extraNetworks`, props.extraNetworks ?? [], checkDockerName);
    this.serviceName = aliases[0] ?? this.name;
    const scheme = this.spec.http.tls ? 'https' : 'http';
    this.internalUrl = `${scheme}://${this.serviceName}:${this.spec.http.port}`;
    if (props.publish !== false) {
      this.publish = resolvePublish(`${id}.publish`, props.publish ?? { port: 5000 });
    }

    const secret =
      props.httpSecret !== undefined
        ? terraformSecret(props.httpSecret, `${id}.httpSecret`)
        : engineSecret(new Password(this, 'http-secret', { length: 48, special: false }).result);
    this.dataVolumeName = checkDockerName(
      `${id}.dataVolumeName`,
      props.dataVolumeName ?? `${this.name}-data`,
    );
    const plan = registryPlan({
      name: this.name,
      spec: this.spec,
      aliases,
      extraNetworks,
      ...(this.publish ? { publish: this.publish } : {}),
      dataVolumeName: this.dataVolumeName,
      httpSecret: secret,
      ...(props.tls ? { tls: certificateAndKey(props.tls) } : {}),
      ...(props.htpasswd ? { htpasswd: props.htpasswd.entries } : {}),
      ...(props.tokenRootCertBundle !== undefined
        ? { tokenRootCertBundle: engineText(props.tokenRootCertBundle) }
        : {}),
    });
    this.paths = plan.paths;
    this.files = plan.files;
    if (props.retainDataOnDestroy === false) new Volume(this, 'data', { name: this.dataVolumeName });
    if (props.monitoringNetwork !== undefined && this.spec.http.debug === undefined) {
      throw new SpecError(
        `${id}.monitoringNetwork`,
        '<PlatformNetwork>',
        'monitoring scrapes the debug/metrics listener: leave http.debug on',
      );
    }
    this.container = realizeService(this, plan, {
      network: props.network,
      ...(props.monitoringNetwork !== undefined
        ? { moreNetworks: [{ network: props.monitoringNetwork, aliases }] }
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
