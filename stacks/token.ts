import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from '../lib/constructs/cdktf';
import { PlatformNetwork } from '../lib/constructs/platform-network';
import { configureProviders } from '../lib/constructs/providers';
import { Registry } from '../lib/constructs/registry';
import { RegistryUi } from '../lib/constructs/registry-ui';
import { RegistryCertificates } from '../lib/constructs/tls';
import { TokenServer } from '../lib/constructs/token-server';
import { RoleSpec } from '../lib/model/access';
import { checkHostname, checkPort } from '../lib/model/checks';
import { RegistryVersion } from '../lib/model/dialect';
import { SpecError } from '../lib/model/errors';
import { TlsMinimumVersion } from '../lib/model/http';
import { UserSpec } from '../lib/model/users';

/** Parameters of the `token` stack. */
export interface TokenStackProps {
  /** Prefix of every Docker object's name. @default the stack id */
  readonly namePrefix?: string;
  /** Hostname clients use for the registry and the token server (in both certificates). @default 'localhost' */
  readonly hostname?: string;
  /** Host port of the registry (TLS). @default 5446 */
  readonly port?: number;
  /** Host port of the token server (TLS); the realm clients are sent to. @default 5447 */
  readonly tokenPort?: number;
  /** Host port of the UI. @default 8081 */
  readonly uiPort?: number;
  /** Host address every port is bound to. @default '127.0.0.1' */
  readonly bindAddress?: string;
  /** The roles. @default the lab's: admin, developer, readonly and ci (see README) */
  readonly roles?: readonly RoleSpec[];
  /** The users and their roles. @default admin, developer, readonly and ci, each with the role of its name */
  readonly users?: readonly UserSpec[];
  /** Registry major version; the token server's key id follows it. @default 2 */
  readonly registryVersion?: RegistryVersion;
  /** Registry image. @default the dialect's pinned official image */
  readonly registryImage?: string;
  /** Token server image. @default 'cesanta/docker_auth:1.14.0' */
  readonly tokenServerImage?: string;
  /** UI image. @default 'joxit/docker-registry-ui:2.5.7' */
  readonly uiImage?: string;
  /** Lowest TLS version of both endpoints. @default 'tls1.2' */
  readonly tlsMinimumVersion?: TlsMinimumVersion;
  /** Lifetime of a token in seconds. @default 900 */
  readonly tokenLifetimeSeconds?: number;
  /** Deploy the UI. @default true */
  readonly ui?: boolean;
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * A registry whose roles are enforced: token authentication against docker_auth, both over TLS
 * from one generated CA. Users log in to the registry as usual; the docker CLI fetches a token
 * from the token server, which grants exactly what the user's roles allow (the default roles are
 * the lab's: admin everything, developer push/pull `app/*` and `library/*`, readonly pull, ci
 * push/pull `app/production/*` and `app/staging/*`). Deletes are enabled: only roles with
 * `delete` can use them.
 */
export class TokenStack extends TerraformStack {
  /** The registry. */
  public readonly registry: Registry;
  /** The token server. */
  public readonly tokenServer: TokenServer;
  /** The certificates (CA, registry and token server). */
  public readonly tls: RegistryCertificates;
  /** The UI, when deployed. */
  public readonly ui?: RegistryUi;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: TokenStackProps = {}) {
    super(scope, id);
    configureProviders(this, props.dockerHost !== undefined ? { dockerHost: props.dockerHost } : {});
    const prefix = props.namePrefix ?? id;
    const hostname = checkHostname(`${id}.hostname`, props.hostname ?? 'localhost');
    const bindAddress = props.bindAddress ?? '127.0.0.1';
    const port = checkPort(`${id}.port`, props.port ?? 5446);
    const tokenPort = checkPort(`${id}.tokenPort`, props.tokenPort ?? 5447);
    if (tokenPort === port) {
      throw new SpecError(`${id}.tokenPort`, tokenPort, `must differ from ${id}.port (${port})`);
    }
    const network = new PlatformNetwork(this, 'network', { name: `${prefix}-net` });
    this.tls = new RegistryCertificates(this, 'tls', {
      hostnames: [hostname],
      serviceNames: ['registry', `${prefix}-registry`],
    });
    this.tokenServer = new TokenServer(this, 'token-server', {
      name: `${prefix}-token-server`,
      network,
      tls: this.tls.issueServerCertificate('token-server', {
        hostnames: [hostname],
        serviceNames: ['token-server', `${prefix}-token-server`],
      }),
      publish: { port: tokenPort, bindAddress },
      ...(props.registryVersion !== undefined ? { registryVersion: props.registryVersion } : {}),
      ...(props.roles !== undefined ? { roles: props.roles } : {}),
      ...(props.users !== undefined ? { users: props.users } : {}),
      ...(props.tokenServerImage !== undefined ? { image: props.tokenServerImage } : {}),
      ...(props.tlsMinimumVersion !== undefined ? { tlsMinimumVersion: props.tlsMinimumVersion } : {}),
      ...(props.tokenLifetimeSeconds !== undefined
        ? { tokenLifetimeSeconds: props.tokenLifetimeSeconds }
        : {}),
    });
    const registryUrl = `https://${hostname}:${port}`;
    this.registry = new Registry(this, 'registry', {
      name: `${prefix}-registry`,
      network,
      publish: { port, bindAddress },
      ...(props.registryVersion !== undefined ? { version: props.registryVersion } : {}),
      ...(props.registryImage !== undefined ? { image: props.registryImage } : {}),
      http: { host: registryUrl, tls: { minimumVersion: props.tlsMinimumVersion ?? 'tls1.2' } },
      storage: { deleteEnabled: true },
      tls: this.tls,
      auth: this.tokenServer.registryAuth(hostname),
      tokenRootCertBundle: this.tokenServer.rootCertBundlePem,
    });
    if (props.ui ?? true) {
      this.ui = new RegistryUi(this, 'ui', {
        name: `${prefix}-ui`,
        network,
        registry: this.registry,
        publish: { port: props.uiPort ?? 8081, bindAddress },
        tokenServer: this.tokenServer,
        ...(props.uiImage !== undefined ? { image: props.uiImage } : {}),
      });
      new TerraformOutput(this, 'ui_url', {
        value: `http://${bindAddress === '0.0.0.0' ? hostname : bindAddress}:${props.uiPort ?? 8081}`,
        description: 'URL of the registry UI',
      });
    }
    new TerraformOutput(this, 'registry_url', { value: registryUrl, description: 'URL of the registry' });
    new TerraformOutput(this, 'token_realm', {
      value: this.tokenServer.realm(hostname),
      description: 'The token endpoint clients are sent to',
    });
    new TerraformOutput(this, 'ca_certificate', {
      value: this.tls.caCertificatePem,
      description: `CA of both endpoints: save it as /etc/docker/certs.d/${hostname}:${port}/ca.crt`,
    });
    new TerraformOutput(this, 'ca_trust_path', {
      value: `/etc/docker/certs.d/${hostname}:${port}/ca.crt`,
      description: "Where the Docker daemon looks for this registry's CA",
    });
    new TerraformOutput(this, 'credentials', {
      value: this.tokenServer.passwords,
      sensitive: true,
      description:
        'Generated passwords by user name (cdktf output --outputs-file, or terraform output -json)',
    });
    new TerraformOutput(this, 'roles', {
      value: Object.fromEntries(this.tokenServer.spec.users.map((u) => [u.name, u.roles.join(',')])),
      description: 'Each user and its roles',
    });
    new TerraformOutput(this, 'data_volume', {
      value: this.registry.dataVolumeName,
      description: 'Docker volume holding the images (kept on destroy)',
    });
  }
}
