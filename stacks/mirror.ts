import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from '../lib/constructs/cdktf';
import { HtpasswdUsers } from '../lib/constructs/htpasswd-users';
import { PlatformNetwork } from '../lib/constructs/platform-network';
import { configureProviders } from '../lib/constructs/providers';
import { Registry } from '../lib/constructs/registry';
import { RegistryCertificates } from '../lib/constructs/tls';
import { checkHostname, checkPort } from '../lib/model/checks';
import { RegistryVersion } from '../lib/model/dialect';
import { DEFAULT_USERS, UserSpec } from '../lib/model/users';

/** Parameters of the `mirror` stack. */
export interface MirrorStackProps {
  /** The upstream registry to cache. @default 'https://registry-1.docker.io' */
  readonly remoteUrl?: string;
  /** Upstream user name. @default anonymous */
  readonly remoteUsername?: string;
  /** Upstream password as a Terraform reference (a sensitive variable). @default none */
  readonly remotePassword?: string;
  /**
   * An existing Docker network through which the mirror reaches `remoteUrl`, for an upstream
   * registry on the same engine. The registry must reach its upstream when it starts: 3.0.0
   * exits at start when the remote's `/v2/` cannot be fetched. @default none
   */
  readonly remoteNetwork?: string;
  /** How long cached content is kept (registry 3.x only). @default the registry's 168h */
  readonly ttl?: string;
  /** Prefix of every Docker object's name. @default the stack id */
  readonly namePrefix?: string;
  /** Hostname clients use. @default 'localhost' */
  readonly hostname?: string;
  /** Host port (TLS). @default 5444 */
  readonly port?: number;
  /** Host address the port is bound to. @default '127.0.0.1' */
  readonly bindAddress?: string;
  /** Users who may pull through the mirror (htpasswd: no roles). @default one user, admin */
  readonly users?: readonly UserSpec[];
  /** Registry major version. @default 3 (for `proxy.ttl`) */
  readonly registryVersion?: RegistryVersion;
  /** Registry image. @default the dialect's pinned official image */
  readonly registryImage?: string;
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * A pull-through cache of an upstream registry over TLS with htpasswd users. The registry refuses
 * pushes in proxy mode, so it is read-only for clients; cached content lives on its own volume.
 */
export class MirrorStack extends TerraformStack {
  /** The mirror registry. */
  public readonly registry: Registry;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: MirrorStackProps = {}) {
    super(scope, id);
    configureProviders(this, props.dockerHost !== undefined ? { dockerHost: props.dockerHost } : {});
    const prefix = props.namePrefix ?? id;
    const hostname = checkHostname(`${id}.hostname`, props.hostname ?? 'localhost');
    const port = checkPort(`${id}.port`, props.port ?? 5444);
    const network = new PlatformNetwork(this, 'network', { name: `${prefix}-net` });
    const tls = new RegistryCertificates(this, 'tls', {
      hostnames: [hostname],
      serviceNames: ['mirror', `${prefix}-mirror`],
    });
    const users = new HtpasswdUsers(this, 'users', { users: props.users ?? DEFAULT_USERS });
    this.registry = new Registry(this, 'mirror', {
      name: `${prefix}-mirror`,
      network,
      aliases: ['mirror'],
      ...(props.remoteNetwork !== undefined ? { extraNetworks: [props.remoteNetwork] } : {}),
      publish: { port, bindAddress: props.bindAddress ?? '127.0.0.1' },
      version: props.registryVersion ?? 3,
      ...(props.registryImage !== undefined ? { image: props.registryImage } : {}),
      http: { host: `https://${hostname}:${port}` },
      tls,
      htpasswd: users,
      proxy: {
        remoteUrl: props.remoteUrl ?? 'https://registry-1.docker.io',
        ...(props.remoteUsername !== undefined ? { username: props.remoteUsername } : {}),
        ...(props.remotePassword !== undefined ? { password: props.remotePassword } : {}),
        ...(props.ttl !== undefined ? { ttl: props.ttl } : {}),
      },
    });
    new TerraformOutput(this, 'registry_url', {
      value: `https://${hostname}:${port}`,
      description: 'URL of the mirror',
    });
    new TerraformOutput(this, 'ca_certificate', { value: tls.caCertificatePem });
    new TerraformOutput(this, 'credentials', { value: users.passwords, sensitive: true });
    new TerraformOutput(this, 'data_volume', { value: this.registry.dataVolumeName });
  }
}
