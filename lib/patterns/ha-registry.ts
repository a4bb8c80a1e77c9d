import { Construct } from 'constructs';
import { HtpasswdUsers } from '../constructs/htpasswd-users';
import { LoadBalancer } from '../constructs/load-balancer';
import { PlatformNetwork } from '../constructs/platform-network';
import { Password } from '../constructs/providers';
import { RedisCache } from '../constructs/redis-cache';
import { Registry } from '../constructs/registry';
import { RegistryUi } from '../constructs/registry-ui';
import { RegistryCertificates } from '../constructs/tls';
import { LoadBalancerSpec, loadBalancerEndpoint, resolveLoadBalancer } from '../model/load-balancer';
import { HaRegistryProps, ResolvedHaRegistry, resolveHaRegistry } from '../model/patterns/ha';
import { monitoringNetworkOf, RegistryMonitoring } from './registry-monitoring';
import {
  caOutputs,
  credentialsOutput,
  dataVolumeOutput,
  PatternOutput,
  patternPath,
  RegistryPattern,
} from './pattern-outputs';

/**
 * The production pattern: nginx terminating TLS in front of N registry replicas that share one
 * storage volume, one generated `http.secret` and a Redis blob-descriptor cache. Replicas speak
 * plain HTTP on the private network (they are never published): TLS to each replica would need a
 * certificate per replica and a second handshake per request for no gain on a host-local bridge.
 * Child ids `network`, `tls`, `users`, `http-secret`, `redis`, `registry-<n>`, `ui` and `lb` are
 * public API.
 */
export class HaRegistry extends Construct implements RegistryPattern {
  /** The validated props. */
  public readonly props: ResolvedHaRegistry;
  /** The replicas. */
  public readonly replicas: readonly Registry[];
  /** The load balancer. */
  public readonly loadBalancer: LoadBalancer;
  /** The Redis cache. */
  public readonly redis: RedisCache;
  /** The users. */
  public readonly users: HtpasswdUsers;
  /** The certificates. */
  public readonly tls: RegistryCertificates;
  /** The UI (served at `/` of the load balancer), when deployed. */
  public readonly ui?: RegistryUi;
  /** The monitoring, when asked for. */
  public readonly monitoring?: RegistryMonitoring;
  /** The URL clients use, for example `https://localhost:5443`. */
  public readonly registryUrl: string;
  /** Outputs: `registry_url`, `ca_certificate`, `ca_trust_path`, `credentials`, `data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<id>.<prop>`) and defines the platform. */
  public constructor(scope: Construct, id: string, props: HaRegistryProps = {}) {
    super(scope, id);
    const path = patternPath(scope, id);
    const p = resolveHaRegistry(path, props, path);
    this.props = p;
    const network = new PlatformNetwork(this, 'network', { name: `${p.prefix}-net` });
    const monitoringNetwork = monitoringNetworkOf(this, p.prefix, p.monitoring);
    this.tls = new RegistryCertificates(this, 'tls', {
      hostnames: [p.hostname, ...p.extraHostnames],
      serviceNames: ['lb', `${p.prefix}-lb`],
    });
    this.users = new HtpasswdUsers(this, 'users', { users: p.users });
    const secret = new Password(this, 'http-secret', { length: 48, special: false }).result;
    this.redis = new RedisCache(this, 'redis', {
      name: `${p.prefix}-redis`,
      network,
      maxMemoryMb: p.redisMaxMemoryMb,
    });
    this.registryUrl = `https://${p.hostname}:${p.port}`;
    const replicas: Registry[] = [];
    for (let i = 1; i <= p.replicas; i++) {
      replicas.push(
        new Registry(this, `registry-${i}`, {
          name: `${p.prefix}-registry-${i}`,
          network,
          aliases: [`registry-${i}`],
          publish: false,
          version: p.dialect.version,
          ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
          http: { host: this.registryUrl },
          httpSecret: secret,
          dataVolumeName: `${p.prefix}-registry-data`,
          storage: { deleteEnabled: true, cache: 'redis' },
          redis: this.redis.registrySpec(),
          htpasswd: this.users,
          notifications: p.notifications,
          ...(monitoringNetwork ? { monitoringNetwork } : {}),
        }),
      );
    }
    this.replicas = replicas;
    const lbSpec: LoadBalancerSpec = { serverName: p.hostname, tlsMinimumVersion: p.tlsMinimumVersion };
    const first = replicas[0];
    if (first === undefined) throw new Error('internal: the HA pattern has no replica');
    if (p.ui) {
      // The UI proxies `/v2` back through the load balancer, so it sees every replica.
      this.ui = new RegistryUi(this, 'ui', {
        name: `${p.prefix}-ui`,
        network,
        registry: first,
        proxyTo: loadBalancerEndpoint(resolveLoadBalancer(path, lbSpec), 'lb'),
        publish: false,
      });
    }
    this.loadBalancer = new LoadBalancer(this, 'lb', {
      ...lbSpec,
      name: `${p.prefix}-lb`,
      network,
      replicas,
      tls: this.tls,
      aliases: ['lb'],
      publish: { port: p.port, bindAddress: p.bindAddress },
      redirectPublish: { port: p.httpPort, bindAddress: p.bindAddress },
      ...(this.ui ? { ui: this.ui } : {}),
    });
    if (p.monitoring && monitoringNetwork) {
      this.monitoring = new RegistryMonitoring(this, 'monitoring', {
        prefix: p.prefix,
        network: monitoringNetwork,
        platformNetwork: network,
        monitoring: p.monitoring,
        registries: replicas,
        redis: this.redis,
        notifications: p.notifications.length > 0,
        bindAddress: p.bindAddress,
      });
    }
    this.outputs = {
      ...(this.monitoring?.outputs ?? {}),
      registry_url: { value: this.registryUrl, description: 'URL of the registry (load balancer)' },
      ...caOutputs(this.tls.caCertificatePem, p.hostname, p.port),
      credentials: credentialsOutput(this.users.passwords),
      data_volume: dataVolumeOutput(first.dataVolumeName, 'the images, shared by the replicas'),
    };
  }
}
