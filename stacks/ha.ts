import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from '../lib/constructs/cdktf';
import { HtpasswdUsers } from '../lib/constructs/htpasswd-users';
import { LoadBalancer } from '../lib/constructs/load-balancer';
import { PlatformNetwork } from '../lib/constructs/platform-network';
import { configureProviders, Password } from '../lib/constructs/providers';
import { RedisCache } from '../lib/constructs/redis-cache';
import { Registry } from '../lib/constructs/registry';
import { RegistryUi } from '../lib/constructs/registry-ui';
import { RegistryCertificates } from '../lib/constructs/tls';
import { checkHostname, checkInt, checkPort } from '../lib/model/checks';
import { LB_HTTPS_PORT } from '../lib/model/load-balancer';
import { RegistryVersion } from '../lib/model/dialect';
import { TlsMinimumVersion } from '../lib/model/http';
import { NotificationEndpointSpec } from '../lib/model/notifications';
import { DEFAULT_USERS, UserSpec } from '../lib/model/users';

/** Parameters of the `ha` stack. */
export interface HaStackProps {
  /** Prefix of every Docker object's name. @default the stack id */
  readonly namePrefix?: string;
  /** Hostname clients use. @default 'localhost' */
  readonly hostname?: string;
  /** More names or IPv4 addresses for the certificate. @default none */
  readonly extraHostnames?: readonly string[];
  /** Host port of the load balancer (HTTPS). @default 5443 */
  readonly port?: number;
  /** Host port of the HTTP → HTTPS redirect. @default 5080 */
  readonly httpPort?: number;
  /** Host address the ports are bound to. @default '127.0.0.1' */
  readonly bindAddress?: string;
  /** Number of registry replicas, 1 to 16. @default 3 */
  readonly replicas?: number;
  /** Users (htpasswd: each can push, pull and delete everywhere; roles need the token stack). @default one user, admin, with a generated password */
  readonly users?: readonly UserSpec[];
  /** Registry major version. @default 2 */
  readonly registryVersion?: RegistryVersion;
  /** Registry image. @default the dialect's pinned official image */
  readonly registryImage?: string;
  /** Lowest TLS version at the load balancer. @default 'tls1.2' */
  readonly tlsMinimumVersion?: TlsMinimumVersion;
  /** Redis memory cap in MiB. @default 256 */
  readonly redisMaxMemoryMb?: number;
  /** Webhooks for registry events (every replica sends its own). @default none */
  readonly notifications?: readonly NotificationEndpointSpec[];
  /** Serve the Joxit UI at `/` of the load balancer. @default true */
  readonly ui?: boolean;
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * The production pattern: nginx terminating TLS in front of N registry replicas that share one
 * storage volume, one generated `http.secret` and a Redis blob-descriptor cache. Replicas speak
 * plain HTTP on the private network (they are never published): TLS to each replica would need a
 * certificate per replica and a second handshake per request for no gain on a host-local bridge.
 */
export class HaStack extends TerraformStack {
  /** The replicas. */
  public readonly replicas: readonly Registry[];
  /** The load balancer. */
  public readonly loadBalancer: LoadBalancer;
  /** The Redis cache. */
  public readonly redis: RedisCache;
  /** The users. */
  public readonly users: HtpasswdUsers;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: HaStackProps = {}) {
    super(scope, id);
    configureProviders(this, props.dockerHost !== undefined ? { dockerHost: props.dockerHost } : {});
    const prefix = props.namePrefix ?? id;
    const hostname = checkHostname(`${id}.hostname`, props.hostname ?? 'localhost');
    const port = checkPort(`${id}.port`, props.port ?? 5443);
    const count = checkInt(`${id}.replicas`, props.replicas ?? 3, 1, 16);
    const bindAddress = props.bindAddress ?? '127.0.0.1';
    const network = new PlatformNetwork(this, 'network', { name: `${prefix}-net` });
    const tls = new RegistryCertificates(this, 'tls', {
      hostnames: [hostname, ...(props.extraHostnames ?? [])],
      serviceNames: ['lb', `${prefix}-lb`],
    });
    this.users = new HtpasswdUsers(this, 'users', { users: props.users ?? DEFAULT_USERS });
    const secret = new Password(this, 'http-secret', { length: 48, special: false }).result;
    this.redis = new RedisCache(this, 'redis', {
      name: `${prefix}-redis`,
      network,
      ...(props.redisMaxMemoryMb !== undefined ? { maxMemoryMb: props.redisMaxMemoryMb } : {}),
    });
    const replicas: Registry[] = [];
    for (let i = 1; i <= count; i++) {
      replicas.push(
        new Registry(this, `registry-${i}`, {
          name: `${prefix}-registry-${i}`,
          network,
          aliases: [`registry-${i}`],
          publish: false,
          ...(props.registryVersion !== undefined ? { version: props.registryVersion } : {}),
          ...(props.registryImage !== undefined ? { image: props.registryImage } : {}),
          http: { host: `https://${hostname}:${port}` },
          httpSecret: secret,
          dataVolumeName: `${prefix}-registry-data`,
          storage: { deleteEnabled: true, cache: 'redis' },
          redis: this.redis.registrySpec(),
          htpasswd: this.users,
          ...(props.notifications !== undefined ? { notifications: props.notifications } : {}),
        }),
      );
    }
    this.replicas = replicas;
    let ui: RegistryUi | undefined;
    if (props.ui ?? true) {
      ui = new RegistryUi(this, 'ui', {
        name: `${prefix}-ui`,
        network,
        registry: replicas[0]!,
        registryUrl: `https://lb:${LB_HTTPS_PORT}`,
        publish: false,
      });
    }
    this.loadBalancer = new LoadBalancer(this, 'lb', {
      name: `${prefix}-lb`,
      network,
      replicas,
      tls,
      serverName: hostname,
      publish: { port, bindAddress },
      redirectPublish: { port: checkPort(`${id}.httpPort`, props.httpPort ?? 5080), bindAddress },
      ...(props.tlsMinimumVersion !== undefined ? { tlsMinimumVersion: props.tlsMinimumVersion } : {}),
      ...(ui ? { ui } : {}),
    });
    new TerraformOutput(this, 'registry_url', {
      value: `https://${hostname}:${port}`,
      description: 'URL of the registry (load balancer)',
    });
    new TerraformOutput(this, 'ca_certificate', {
      value: tls.caCertificatePem,
      description: `CA to trust: save it as /etc/docker/certs.d/${hostname}:${port}/ca.crt`,
    });
    new TerraformOutput(this, 'ca_trust_path', { value: `/etc/docker/certs.d/${hostname}:${port}/ca.crt` });
    new TerraformOutput(this, 'credentials', { value: this.users.passwords, sensitive: true });
    new TerraformOutput(this, 'data_volume', { value: replicas[0]!.dataVolumeName });
  }
}
